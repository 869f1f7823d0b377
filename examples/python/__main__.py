"""A certificate that stays valid, from Python, in one `pulumi up`:

1. `cas.DvCertificateOrder` orders a DV certificate for a CSR made here (pyca/cryptography) from a key pair kept in
   the state, with delegated validation: the customer published the CNAME `_dnsauth.<domain>` -> `<label>.<zone>`
   once (output `customerCname`), so every order is validated by a TXT the platform writes in its own zone.
2. A DNS record resource writes that TXT (`delegated_record`).
3. `cas.DvCertificateValidation` waits until the CA issued the certificate (after the record: `depends_on`).
4. An ESA custom hostname serves it (uploaded with its private key) and a GA listener binding references it in CAS.

Later runs with a plain `pulumi up` (daily, say) renew it when one third of its lifetime remains (or
`renewBeforeDays` before it expires): the order is replaced (create-before-delete), the new TXT is written, the
waiter waits for the new certificate, both consumers switch in place, and only then is the old certificate revoked
(`revokeOnDelete`).
"""

from typing import Any

import pulumi

from alicloud_certs_native import (
    CustomHostname,
    DvCertificateOrder,
    DvCertificateValidation,
    ListenerAdditionalCertificate,
    Provider,
    endpoints_for,
)
from csr import create_csr
from dns_record import DnsRecord
from key_pair import KeyPair

config = pulumi.Config()
domain = config.require("domain")
zone = config.require("delegationZone")
# The emulator's address (this example's DNS stand-in writes there too); unset: Alibaba Cloud's public endpoints.
endpoint = config.get("endpoint")

provider = Provider(
    "alicloud-certs",
    endpoints=endpoints_for(endpoint) if endpoint else None,
    access_key=config.get("accessKey"),
    secret_key=config.get_secret("secretKey"),
)
with_provider = pulumi.ResourceOptions(provider=provider)

key = KeyPair("key")
# The certificate covers the GA domain and the ESA hostname. The CSR holds only the public key: not a secret.
csr = pulumi.Output.unsecret(key.private_key_pem.apply(lambda pem: create_csr(pem, domain, [f"up.{domain}"])))

order = DvCertificateOrder(
    "certificate",
    csr=csr,
    username=config.require("username"),
    phone=config.require("phone"),
    email=config.require("email"),
    validate_type="DNS",
    validation_delegation={"zone": zone},
    # Unset: renew when one third of the lifetime remains (200-, 100- and 47-day certificates alike).
    renew_before_days=config.get_int("renewBeforeDays"),
    revoke_on_delete=True,
    opts=with_provider,
)


def require_record(record: Any) -> Any:
    """The order's delegated TXT; every order with `validationDelegation` has one while it awaits validation."""
    if record is None:
        raise ValueError(f"order for {domain} has no delegated validation record")
    return record


txt = order.output("delegated_record").apply(require_record)
# The platform's TXT in its own zone. A real program uses its DNS provider's record resource here.
validation_record = DnsRecord(
    "dcv-txt",
    endpoint=config.require("endpoint"),
    name=txt.apply(lambda record: record["name"]),
    type=txt.apply(lambda record: record["type"]),
    value=txt.apply(lambda record: record["value"]),
)

certificate = DvCertificateValidation(
    "validation",
    order_id=order.output("order_id"),
    # Lets a stalled wait name the customer's CNAME and the platform's TXT, and say which one is missing.
    delegation_cname=order.output("delegation_cname"),
    timeout_seconds=config.get_int("validationTimeoutSeconds") or 600,
    opts=pulumi.ResourceOptions(provider=provider, depends_on=[validation_record]),
)

site_id = config.require("siteId")
uploaded = CustomHostname(
    "upload",
    site_id=site_id,
    hostname=f"up.{domain}",
    record_id=config.require("recordId"),
    cert_type="upload",
    certificate=certificate.output("certificate"),
    private_key=key.private_key_pem,
    opts=with_provider,
)
binding = ListenerAdditionalCertificate(
    "ga",
    accelerator_id=config.require("acceleratorId"),
    listener_id=config.require("listenerId"),
    domain=domain,
    certificate_id=certificate.output("cert_identifier"),
    opts=with_provider,
)

#: The one record each customer publishes, once.
pulumi.export("customerCname", order.output("delegation_cname"))
pulumi.export("orderId", order.output("order_id"))
pulumi.export("certId", certificate.output("cert_id"))
pulumi.export("notAfter", certificate.output("not_after"))
pulumi.export("renewalDue", order.output("renewal_due"))
pulumi.export("hostnameId", uploaded.output("hostname_id"))
pulumi.export("gaCertificateId", binding.output("certificate_id"))
