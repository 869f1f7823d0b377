"""A PKCS#10 certificate signing request (RFC 2986) for a key pair, made with pyca/cryptography."""

from typing import Sequence

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


def create_csr(private_key_pem: str, common_name: str, extra_names: Sequence[str] = ()) -> str:
    """A PEM CSR for `common_name`, with it and `extra_names` as DNS subjectAltNames, signed with the P-256 key.

    The CA/B Forum Baseline Requirements (7.1.4.3) want every name in the subjectAltName, the common name included.
    ECDSA signatures are randomized, so the PEM differs on every call; the provider compares CSRs by what they ask
    for (subject, names and key), so a new PEM for the same request is no change.
    """
    key = serialization.load_pem_private_key(private_key_pem.encode(), password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise TypeError(f"the CSR key must be an ECDSA key, got {type(key).__name__}")
    names = [x509.DNSName(name) for name in [common_name, *extra_names]]
    request = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)]))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .sign(key, hashes.SHA256())
    )
    return request.public_bytes(serialization.Encoding.PEM).decode()
