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

from typing import Optional

import pulumi
import pulumi_alicloud_certs as certs
from pulumi_alicloud_certs.cas.outputs import DnsRecord as DnsRecordValue

from csr import create_csr
from dns_record import DnsRecord
from key_pair import KeyPair

config = pulumi.Config()
domain = config.require("domain")
zone = config.require("delegationZone")

# The alicloud-certs resources use the default provider, configured by the stack config `alicloud-certs:accessKey`,
# `alicloud-certs:secretKey` (secret) and, for the emulator, `alicloud-certs:endpoints`.
key = KeyPair("key")
# The certificate covers the GA domain and the ESA hostname. The CSR holds only the public key: not a secret.
csr = pulumi.Output.unsecret(key.private_key_pem.apply(lambda pem: create_csr(pem, domain, [f"up.{domain}"])))

order = certs.cas.DvCertificateOrder(
    "certificate",
    csr=csr,
    username=config.require("username"),
    phone=config.require("phone"),
    email=config.require("email"),
    validate_type=certs.cas.ValidateType.DNS,
    validation_delegation=certs.cas.ValidationDelegationArgs(zone=zone),
    # Unset: renew when one third of the lifetime remains (200-, 100- and 47-day certificates alike).
    renew_before_days=config.get_int("renewBeforeDays"),
    revoke_on_delete=True,
)


def as_cname_input(record: Optional[DnsRecordValue]) -> Optional[certs.cas.DelegationCnameArgs]:
    """The order's `delegation_cname` output as the waiter's input type (the same record)."""
    if record is None:
        return None
    return certs.cas.DelegationCnameArgs(name=record.name, value=record.value, type=record.type)


def require_record(record: Optional[DnsRecordValue]) -> DnsRecordValue:
    """The order's delegated TXT; every order with `validation_delegation` has one while it awaits validation."""
    if record is None:
        raise ValueError(f"order for {domain} has no delegated validation record")
    return record


txt = order.delegated_record.apply(require_record)
# The platform's TXT in its own zone. A real program uses its DNS provider's record resource here.
validation_record = DnsRecord(
    "dcv-txt",
    endpoint=config.require("emulatorUrl"),
    name=txt.name,
    type=txt.type,
    value=txt.value,
)

certificate = certs.cas.DvCertificateValidation(
    "validation",
    order_id=order.order_id,
    # Lets a stalled wait name the customer's CNAME and the platform's TXT, and say which one is missing.
    delegation_cname=order.delegation_cname.apply(as_cname_input),
    timeout_seconds=config.get_int("validationTimeoutSeconds") or 600,
    opts=pulumi.ResourceOptions(depends_on=[validation_record]),
)

uploaded = certs.esa.CustomHostname(
    "upload",
    site_id=config.require("siteId"),
    hostname=f"up.{domain}",
    record_id=config.require("recordId"),
    cert_type=certs.esa.CertType.UPLOAD,
    certificate=certificate.certificate,
    private_key=key.private_key_pem,
)
binding = certs.ga.ListenerAdditionalCertificate(
    "ga",
    accelerator_id=config.require("acceleratorId"),
    listener_id=config.require("listenerId"),
    domain=domain,
    certificate_id=certificate.cert_identifier,
)

#: The one record each customer publishes, once.
pulumi.export("customerCname", order.delegation_cname)
pulumi.export("orderId", order.order_id)
pulumi.export("certId", certificate.cert_id)
pulumi.export("notAfter", certificate.not_after)
pulumi.export("renewalDue", order.renewal_due)
pulumi.export("hostnameId", uploaded.hostname_id)
pulumi.export("gaCertificateId", binding.certificate_id)
