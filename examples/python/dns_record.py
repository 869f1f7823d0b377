"""STAND-IN: a DNS record in the local emulator's public DNS (`/__emulator/records`), so the example runs with no
cloud account. A real program uses its DNS provider's record resource here instead (for example
`pulumi_alicloud.dns.AlidnsRecord`, `pulumi_cloudflare.Record` or `pulumi_aws.route53.Record`) with the same name,
type and value.
"""

from typing import Any, Optional

import pulumi
from pulumi.dynamic import CreateResult, DiffResult, ResourceProvider, UpdateResult


def _send(method: str, record: dict[str, Any]) -> None:
    """Publish (POST) or remove (DELETE) one record through the emulator's control API at `record["endpoint"]`."""
    # Imported here: the provider runs in its own process, which unpickles these functions, not this module's imports.
    import json
    import urllib.request

    body = json.dumps({"kind": "dns", "name": record["name"], "type": record["type"], "value": record["value"]})
    request = urllib.request.Request(
        f"{record['endpoint']}/__emulator/records",
        data=body.encode(),
        method=method,
        headers={"content-type": "application/json"},
    )
    # urlopen raises HTTPError (with the status) on any answer that is not 2xx.
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()


# The state records this provider by reference, `dns_record._DnsRecordProvider` (dill pickles a class of an importable module by
# name, not by value), and the provider process imports it from the project directory: renaming the module or the
# class breaks the stacks that hold it.
class _DnsRecordProvider(ResourceProvider):
    def create(self, props: dict[str, Any]) -> CreateResult:
        _send("POST", props)
        return CreateResult(f"{props['type']}:{props['name']}", props)

    def diff(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> DiffResult:
        moved = olds.get("name") != news.get("name") or olds.get("type") != news.get("type")
        changed = moved or any(olds.get(key) != news.get(key) for key in ("value", "endpoint"))
        return DiffResult(changes=changed, replaces=["name"] if moved else [], delete_before_replace=True)

    def update(self, _id: str, olds: dict[str, Any], news: dict[str, Any]) -> UpdateResult:
        # The new value is published before the old one is removed, so the name always has a record.
        _send("POST", news)
        _send("DELETE", olds)
        return UpdateResult(news)

    def delete(self, _id: str, props: dict[str, Any]) -> None:
        _send("DELETE", props)


class DnsRecord(pulumi.dynamic.Resource):
    """A DNS record (stand-in, see above); `endpoint` is the emulator's address."""

    name: pulumi.Output[str]
    type: pulumi.Output[str]
    value: pulumi.Output[str]

    def __init__(
        self,
        resource_name: str,
        endpoint: pulumi.Input[str],
        name: pulumi.Input[str],
        type: pulumi.Input[str],  # noqa: A002 - the record's field name
        value: pulumi.Input[str],
        opts: Optional[pulumi.ResourceOptions] = None,
    ) -> None:
        args = {"endpoint": endpoint, "name": name, "type": type, "value": value}
        super().__init__(_DnsRecordProvider(), resource_name, args, opts)
