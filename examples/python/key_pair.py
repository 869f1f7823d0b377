"""An ECDSA P-256 key pair generated once, when the resource is created, and kept in the stack state.

The private key is a secret output, so the state holds it only encrypted. Later runs reuse it, so every order (the
renewals too) asks for the same key. A `pulumi.dynamic` resource: its provider runs in the program's venv through
`pulumi-resource-pulumi-python`. In a project with registry access, `pulumi_tls.PrivateKey` does the same job.
"""

import hashlib
from typing import Any, Optional

import pulumi
from pulumi.dynamic import CreateResult, DiffResult, ResourceProvider


# The state records this provider by reference, `key_pair._KeyPairProvider` (dill pickles a class of an importable module by
# name, not by value), and the provider process imports it from the project directory: renaming the module or the
# class breaks the stacks that hold it.
class _KeyPairProvider(ResourceProvider):
    def create(self, props: dict[str, Any]) -> CreateResult:
        # Imported here: the provider runs in its own process, which unpickles this class, not this module's imports.
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import ec

        # P-256: what the CA accepts besides RSA >= 2048 (CA/B Forum Baseline Requirements 6.1.5).
        key = ec.generate_private_key(ec.SECP256R1())
        private_pem = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode()
        public_pem = (
            key.public_key()
            .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
            .decode()
        )
        key_id = hashlib.sha256(public_pem.encode()).hexdigest()[:16]
        return CreateResult(key_id, {"private_key_pem": private_pem, "public_key_pem": public_pem})

    def diff(self, _id: str, _olds: dict[str, Any], _news: dict[str, Any]) -> DiffResult:
        # No inputs: nothing ever changes, so the key is never regenerated.
        return DiffResult(changes=False)


class KeyPair(pulumi.dynamic.Resource):
    """An ECDSA P-256 key pair held in the stack state."""

    #: PKCS#8 PEM; a secret output.
    private_key_pem: pulumi.Output[str]
    #: SubjectPublicKeyInfo PEM.
    public_key_pem: pulumi.Output[str]

    def __init__(self, name: str, opts: Optional[pulumi.ResourceOptions] = None) -> None:
        secret = pulumi.ResourceOptions(additional_secret_outputs=["private_key_pem"])
        super().__init__(
            _KeyPairProvider(),
            name,
            {"private_key_pem": None, "public_key_pem": None},
            pulumi.ResourceOptions.merge(secret, opts),
        )
