/**
 * An in-memory GA for the engine's unit tests, passed to the engine as its client: bindings of one listener, writes
 * applied at once, listener and accelerator `active`, CAS certificate details for the coverage gate, and a hook to
 * answer any call with an error instead.
 */
import { AlibabaClient } from "../../../provider/transport/client";
import { AlibabaCloudError } from "../../../provider/transport/errors";
import { type Operation, type WireParams } from "../../../provider/transport/operation";
import { configFromRecord } from "../../../provider/transport/settings";

type Handler = (action: string, request: Record<string, unknown>) => unknown;

/** An in-memory GA: bindings per listener, writes applied at once, listener/accelerator always `active`. */
export class FakeGa extends AlibabaClient {
  readonly log: { action: string; request: Record<string, unknown> }[] = [];
  readonly bindings = new Map<string, string>();
  /** Return an error to throw instead of handling the call. */
  fault: (action: string, request: Record<string, unknown>) => Error | undefined = () => undefined;
  listenerState = "active";
  /**
   * What CAS lists for a certificate (by numeric id) in GetUserCertificateDetail: `Sans`, comma-separated. A
   * certificate not listed here covers every domain the engine tests use (`*.example.com`).
   */
  readonly certificateSans = new Map<string, string>();

  constructor(
    private readonly acceleratorId: string,
    private readonly listenerId: string,
  ) {
    super({ config: configFromRecord({}), env: {} });
  }

  count(action: string): number {
    return this.log.filter((e) => e.action === action).length;
  }

  override async call<Req extends WireParams, Res>(op: Operation<Req, Res>, request: Req): Promise<Res> {
    const req = request as Record<string, unknown>;
    this.log.push({ action: op.action, request: req });
    const error = this.fault(op.action, req);
    if (error !== undefined) throw error;
    return this.handle(op.action, req) as Res;
  }

  private handle: Handler = (action, req) => {
    switch (action) {
      case "ListListenerCertificates":
        return {
          certificates: [...this.bindings].map(([domain, certificateId]) => ({
            domain,
            certificateId,
            isDefault: false,
            state: "active",
          })),
          nextToken: undefined,
          totalCount: this.bindings.size,
        };
      case "AssociateAdditionalCertificatesWithListener":
        for (const { Domain, Id } of req["Certificates"] as { Domain: string; Id: string }[])
          this.bindings.set(Domain, Id);
        return { requestId: "r" };
      case "UpdateAdditionalCertificateWithListener":
        this.bindings.set(req["Domain"] as string, req["CertificateId"] as string);
        return { requestId: "r" };
      case "DissociateAdditionalCertificatesFromListener":
        for (const domain of req["Domains"] as string[]) this.bindings.delete(domain);
        return { requestId: "r" };
      case "DescribeListener":
        return {
          listenerId: this.listenerId,
          acceleratorId: this.acceleratorId,
          state: this.listenerState,
          protocol: "HTTPS",
        };
      case "GetUserCertificateDetail": {
        const id = String(req["CertId"]);
        return {
          id,
          certIdentifier: `${id}-cn-hangzhou`,
          commonName: undefined,
          sans: this.certificateSans.get(id) ?? "*.example.com",
        };
      }
      case "DescribeAccelerator":
        return { acceleratorId: this.acceleratorId, state: "active", name: undefined };
      default:
        throw new Error(`unexpected ${action}`);
    }
  };
}

export function apiError(
  action: string,
  code: string,
  options: { retryable?: boolean; notFound?: boolean; httpStatus?: number } = {},
): AlibabaCloudError {
  return new AlibabaCloudError({
    product: "ga",
    action,
    kind: "api",
    code,
    httpStatus: options.httpStatus ?? 400,
    serviceMessage: code,
    retryable: options.retryable ?? false,
    notFound: options.notFound ?? false,
  });
}
