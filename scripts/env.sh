# shellcheck shell=bash
# Source me: puts the project's pinned toolchain first on PATH and sets Pulumi's offline settings.
# Used by scripts/with-env, scripts/test, scripts/demo and .ci/run, so nobody sets these by hand.

ALICLOUD_CERTS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ALICLOUD_CERTS_ROOT

# Pinned versions (see README "Toolchain"). The Node language host is built from sdk/v3 at the last release that
# still contained it, because the Go module proxy serves no version of the separate language-host module.
export ALICLOUD_CERTS_NODE_VERSION="22.23.3"
export ALICLOUD_CERTS_PULUMI_VERSION="3.259.0"
export ALICLOUD_CERTS_LANGHOST_VERSION="3.68.0"
# Official Alibaba Cloud Python SDKs, the emulator tier's second set of judges (GA has no official Node SDK). Exact
# pins, so a model change upstream shows up as a deliberate bump here, not as a surprise test failure.
export ALICLOUD_CERTS_PYTHON_SDKS="alibabacloud-esa20240910==3.16.0 alibabacloud-cas20200407==3.9.4 alibabacloud-ga20191120==3.0.2"
# Language hosts for YAML and Python programs (docs/toolchain.md), built by `scripts/bootstrap --langhosts` (CI) or on
# first use by the engine tier. YAML: the version the pulumi v3.259.0 release bundles. Python: the last sdk/v3 release
# that contained the host (the proxy refuses its later module), driving a current `pulumi` from PyPI in its own venv.
export ALICLOUD_CERTS_YAML_LANGHOST_VERSION="1.38.3"
export ALICLOUD_CERTS_PYTHON_LANGHOST_VERSION="3.79.0"
export ALICLOUD_CERTS_PULUMI_PYTHON_PACKAGES="pulumi==3.272.0"

ALICLOUD_CERTS_TOOLS="$ALICLOUD_CERTS_ROOT/.tools"
ALICLOUD_CERTS_CACHE="${ALICLOUD_CERTS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-alicloud-certs}"
export ALICLOUD_CERTS_TOOLS ALICLOUD_CERTS_CACHE
# The venv that holds the Python SDKs; only the emulator tier's Python tests use it.
export ALICLOUD_CERTS_PYTHON_VENV="${ALICLOUD_CERTS_PYTHON_VENV:-$ALICLOUD_CERTS_TOOLS/python-sdks}"
# The venv Python Pulumi programs run in (`runtime.options.virtualenv` in their Pulumi.yaml): `pulumi` and, later, the
# generated SDK. Separate from the SDK judges' venv so neither's pins constrain the other. A fixed path: the engine
# tier's project names it relative to itself.
export ALICLOUD_CERTS_PULUMI_PYTHON_VENV="$ALICLOUD_CERTS_TOOLS/pulumi-python"

case ":$PATH:" in
  *":$ALICLOUD_CERTS_TOOLS/pulumi/bin:"*) ;;
  *) PATH="$ALICLOUD_CERTS_TOOLS/pulumi/bin:$PATH" ;;
esac
if [ -x "$ALICLOUD_CERTS_TOOLS/node/bin/node" ]; then
  case ":$PATH:" in
    *":$ALICLOUD_CERTS_TOOLS/node/bin:"*) ;;
    *) PATH="$ALICLOUD_CERTS_TOOLS/node/bin:$PATH" ;;
  esac
fi
export PATH

# Offline, local-only Pulumi: no update check, no plugin downloads, a private PULUMI_HOME, passphrase secrets.
export PULUMI_HOME="${PULUMI_HOME:-$ALICLOUD_CERTS_ROOT/.pulumi-home}"
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK=true
export PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE-local-emulator-passphrase}"
export PULUMI_BACKEND_URL="${PULUMI_BACKEND_URL:-file://$ALICLOUD_CERTS_ROOT/.state}"
export PULUMI_NODEJS_TRANSPILE_ONLY="${PULUMI_NODEJS_TRANSPILE_ONLY:-true}"
mkdir -p "$ALICLOUD_CERTS_ROOT/.state" "$PULUMI_HOME"
