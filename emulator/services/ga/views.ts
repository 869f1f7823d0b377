/**
 * Response shapes, with the field names and types of the GA 2019-11-20 SDK models (ListAccelerators /
 * DescribeAccelerator / ListListeners / DescribeListener / ListListenerCertificates).
 */
import { type AcceleratorRecord, GA_REGION, type ListenerRecord } from "./state";

/** One year: the emulator's subscription term for `ExpiredTime`. */
const TERM_MS = 365 * 24 * 3600 * 1000;

/** An accelerator as ListAccelerators items and DescribeAccelerator present it (times in epoch seconds, as documented). */
export function acceleratorView(accelerator: AcceleratorRecord): Record<string, unknown> {
  return {
    AcceleratorId: accelerator.acceleratorId,
    Name: accelerator.name,
    Description: "",
    State: accelerator.state,
    RegionId: GA_REGION,
    Spec: accelerator.spec,
    DnsName: `${accelerator.acceleratorId}.aliyunga0019.com`,
    CreateTime: Math.floor(accelerator.createTime / 1000),
    ExpiredTime: Math.floor((accelerator.createTime + TERM_MS) / 1000),
    InstanceChargeType: "PREPAY",
    BandwidthBillingType: "BandwidthPackage",
    CrossBorderStatus: false,
    ResourceGroupId: "rg-emulator",
    Tags: [],
  };
}

/** The listener's default certificate list (`[{Id, Type: "Server"}]` for HTTPS, empty otherwise). */
function defaultCertificates(listener: ListenerRecord): Record<string, unknown>[] {
  return listener.defaultCertificateId === undefined ? [] : [{ Id: listener.defaultCertificateId, Type: "Server" }];
}

/** A listener as ListListeners items present it (`CreateTime` is a number of epoch milliseconds there). */
export function listenerListView(listener: ListenerRecord): Record<string, unknown> {
  return {
    AcceleratorId: listener.acceleratorId,
    ListenerId: listener.listenerId,
    Name: listener.name,
    Description: "",
    Protocol: listener.protocol,
    PortRanges: [{ FromPort: listener.port, ToPort: listener.port }],
    State: listener.state,
    CreateTime: listener.createTime,
    Certificates: defaultCertificates(listener),
    BackendPorts: [],
    ClientAffinity: "NONE",
    ProxyProtocol: false,
    Type: "Standard",
    ...(listener.protocol === "HTTPS" ? { SecurityPolicyId: "tls_cipher_policy_1_0", HttpVersion: "http2" } : {}),
  };
}

/** A listener as DescribeListener presents it (the SDK model types `CreateTime` as a string there). */
export function listenerDescribeView(listener: ListenerRecord): Record<string, unknown> {
  return { ...listenerListView(listener), CreateTime: String(listener.createTime), RelatedAcls: [] };
}
