"""The native alicloud-certs provider's resources, declared directly from schema.json (no generated SDK).

Each class is a `pulumi.CustomResource` with the schema's type token (`alicloud-certs:<module>:<Type>`); inputs are
passed as keyword arguments in snake_case and sent under the schema's camelCase names, and outputs are read back as
snake_case attributes, the way Pulumi's generated Python SDKs name them. The output names are the schema's
`properties` of each resource: an output not listed here would not be readable from the program.
"""

import re
from typing import Any, Mapping, Optional, Sequence

import pulumi

PACKAGE = "alicloud-certs"
#: The provider's configuration keys the schema marks `secret`.
SECRET_CONFIG = ("secretKey", "securityToken")


def camel(name: str) -> str:
    """`order_id` -> `orderId` (the schema's property names are camelCase)."""
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def snake(name: str) -> str:
    """`orderId` -> `order_id` (the inverse of `camel` for the schema's names)."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


class Provider(pulumi.ProviderResource):
    """An explicit `alicloud-certs` provider instance; its inputs are the schema's `config` keys."""

    def __init__(
        self, name: str, opts: Optional[pulumi.ResourceOptions] = None, **args: Optional[pulumi.Input[Any]]
    ) -> None:
        props: dict[str, Any] = {camel(key): value for key, value in args.items()}
        # The schema marks these secret; a generated SDK wraps them the same way, so plain text is stored encrypted.
        for key in SECRET_CONFIG:
            if props.get(key) is not None:
                props[key] = pulumi.Output.secret(props[key])
        super().__init__(PACKAGE, name, props, opts)


class _NativeResource(pulumi.CustomResource):
    """A resource of the native provider: `TOKEN` and the schema's output names `OUTPUTS` (camelCase)."""

    TOKEN: str = ""
    OUTPUTS: Sequence[str] = ()

    def __init__(
        self, name: str, opts: Optional[pulumi.ResourceOptions] = None, **args: Optional[pulumi.Input[Any]]
    ) -> None:
        # Keys are the Python names: the SDK sends them as `translate_input_property` names them and files each
        # output the engine returns under `translate_output_property`'s name.
        props: dict[str, Any] = dict(args)
        for output in self.OUTPUTS:
            # A key the program did not set is an output to read back (None asks the engine for it).
            props.setdefault(snake(output), None)
        super().__init__(self.TOKEN, name, props, opts)

    def translate_output_property(self, prop: str) -> str:
        return snake(prop)

    def translate_input_property(self, prop: str) -> str:
        return camel(prop)

    def output(self, name: str) -> pulumi.Output[Any]:
        """The output `name` (snake_case), typed for the checker."""
        value: pulumi.Output[Any] = getattr(self, name)
        return value


class DvCertificateOrder(_NativeResource):
    """`alicloud-certs:cas:DvCertificateOrder`: a CAS DV certificate order from a CSR."""

    TOKEN = f"{PACKAGE}:cas:DvCertificateOrder"
    OUTPUTS = (
        "certId certIdentifier certificate commonName content delegatedRecord delegationCname domain notAfter "
        "notBefore orderId recordDomain recordType recordValue renewBeforeDays renewalDue revokeOnDelete state "
        "supersededBy uri validationDelegation waitForIssuance"
    ).split()


class DvCertificateValidation(_NativeResource):
    """`alicloud-certs:cas:DvCertificateValidation`: waits until the CA issued an order's certificate."""

    TOKEN = f"{PACKAGE}:cas:DvCertificateValidation"
    OUTPUTS = "certId certIdentifier certificate commonName delegationCname notAfter orderId state timeoutSeconds".split()


class CustomHostname(_NativeResource):
    """`alicloud-certs:esa:CustomHostname`: an ESA SaaS custom hostname and its certificate."""

    TOKEN = f"{PACKAGE}:esa:CustomHostname"
    OUTPUTS = (
        "casId casRegion certApplyCode certApplyMessage certHttpKey certHttpValue certId certNotAfter certStatus "
        "certTxtKey certTxtValue certType certificate conflictWith hostname hostnameId offlineReason privateKey "
        "recordId recordName siteId siteName sslFlag status verifyCode verifyHost"
    ).split()


class ListenerAdditionalCertificate(_NativeResource):
    """`alicloud-certs:ga:ListenerAdditionalCertificate`: one domain's additional certificate on a GA listener."""

    TOKEN = f"{PACKAGE}:ga:ListenerAdditionalCertificate"
    OUTPUTS = "acceleratorId certificateId domain listenerId state timeoutSeconds".split()


def endpoints_for(url: str) -> Sequence[Mapping[str, str]]:
    """The provider's `endpoints` value pointing all three products at one URL (an emulator)."""
    return [{"esa": url, "cas": url, "ga": url}]
