"""The official Alibaba Cloud Python SDKs as a line-oriented judge of the emulator.

Started by tests/emulator/helpers/python-judge.ts with the venv's python. Reads one JSON command per line on stdin,
{"product": "esa"|"cas"|"ga", "action": "CreateCustomHostname", "request": {"SiteId": ..., ...}}, calls the action
through the official SDK (request fields in wire casing, nested lists of objects in wire casing too) and writes one
JSON line per command: {"ok": true, "status": 200, "body": {...}} or {"ok": false, "code": ..., "status": ...,
"message": ..., "data": {...}}. The first line it writes is {"ready": true, "versions": {...}}.
"""

import json
import re
import sys
from importlib import metadata

from alibabacloud_cas20200407 import models as cas_models
from alibabacloud_cas20200407.client import Client as CasClient
from alibabacloud_esa20240910 import models as esa_models
from alibabacloud_esa20240910.client import Client as EsaClient
from alibabacloud_ga20191120 import models as ga_models
from alibabacloud_ga20191120.client import Client as GaClient
from alibabacloud_tea_openapi.utils_models import Config

PRODUCTS = {
    "esa": (EsaClient, esa_models, "alibabacloud-esa20240910"),
    "cas": (CasClient, cas_models, "alibabacloud-cas20200407"),
    "ga": (GaClient, ga_models, "alibabacloud-ga20191120"),
}


def snake(name):
    """Wire name to SDK field name: CertificateId -> certificate_id, DryRun -> dry_run."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def build(models, class_name, fields):
    """An SDK model from wire-cased fields; a list of objects becomes a list of the nested model."""
    model_class = getattr(models, class_name)
    kwargs = {}
    for wire, value in fields.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            value = [build(models, class_name + wire, item) for item in value]
        kwargs[snake(wire)] = value
    return model_class(**kwargs)


def call(clients, command):
    product = command["product"]
    client_class, models, _ = PRODUCTS[product]
    client = clients[product]
    action = command["action"]
    request = build(models, action + "Request", command.get("request", {}))
    try:
        response = getattr(client, snake(action))(request)
    except Exception as error:  # the SDKs raise one exception family; report what a caller would see
        return {
            "ok": False,
            "type": type(error).__name__,
            "code": getattr(error, "code", None),
            "status": getattr(error, "status_code", None) or getattr(error, "statusCode", None),
            "message": str(getattr(error, "message", error)),
            "data": getattr(error, "data", None),
        }
    return {"ok": True, "status": response.status_code, "body": response.body.to_map()}


def main():
    settings = json.loads(sys.argv[1])
    clients = {}
    for product, (client_class, _, _) in PRODUCTS.items():
        config = Config(
            access_key_id=settings["accessKeyId"],
            access_key_secret=settings["accessKeySecret"],
            endpoint=settings["endpoint"],
            protocol="http",
            region_id="cn-hangzhou",
            read_timeout=10000,
            connect_timeout=10000,
        )
        # "v2" selects the legacy RPC HMAC-SHA1 signature (V1 on the wire); unset is ACS3-HMAC-SHA256.
        if settings.get("signatureAlgorithm"):
            config.signature_algorithm = settings["signatureAlgorithm"]
        clients[product] = client_class(config)
    versions = {dist: metadata.version(dist) for _, _, dist in PRODUCTS.values()}
    print(json.dumps({"ready": True, "versions": versions}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        print(json.dumps(call(clients, json.loads(line)), default=str), flush=True)


if __name__ == "__main__":
    main()
