#!/usr/bin/env bash
# Write the stack's certificate metrics for the node_exporter textfile collector (cert-manager's metric names under
# the alicloud_certs_ prefix, see docs/operations.md). The file is replaced atomically, so the collector never reads
# half of it. Exits like `alicloud-certs status` (1 on an alarm), after writing the file either way.
#
# Usage: write-prometheus.sh STACK [TEXTFILE_DIR]
#   TEXTFILE_DIR defaults to /var/lib/node_exporter/textfile_collector (node_exporter's
#   --collector.textfile.directory).
# Needs on PATH: pulumi, alicloud-certs; run it where `pulumi stack export --stack STACK` works (the project
# directory, or set PULUMI_BACKEND_URL). No cloud credential and no secrets passphrase are needed.
set -uo pipefail
stack="${1:?usage: write-prometheus.sh STACK [TEXTFILE_DIR]}"
dir="${2:-/var/lib/node_exporter/textfile_collector}"
exec alicloud-certs status --stack "$stack" --prometheus --output "$dir/alicloud_certs_${stack//[^a-zA-Z0-9_]/_}.prom"
