#!/usr/bin/env bash
# The daily renewal run: a plain `pulumi up` (renews what is due, calls nothing on a quiet day), then
# `alicloud-certs status`, which fails when a renewal is overdue or stalled, a certificate expires within
# --warn-days, or a consumer serves an older certificate than the stack's newest. Both run even when `up` fails, so
# the log says why; the script fails if either did.
#
# Usage: renew-and-check.sh STACK [extra alicloud-certs status options]
# Needs on PATH: pulumi, alicloud-certs (`npx alicloud-certs` from the program's node_modules works too, see README).
# Credentials: the provider's chain (README "Pointing at Alibaba Cloud"); status itself needs none.
set -uo pipefail
stack="${1:?usage: renew-and-check.sh STACK [status options]}"
shift

pulumi up --yes --skip-preview --stack "$stack"
up=$?
if [ "$up" -ne 0 ]; then
  echo "::error::pulumi up failed (exit $up); the status below says what that leaves" >&2
fi

alicloud-certs status --stack "$stack" "$@"
status=$?
if [ "$status" -ne 0 ]; then
  echo "::error::alicloud-certs status raised an alarm (exit $status): see the report above" >&2
fi

if [ "$up" -ne 0 ]; then exit "$up"; fi
exit "$status"
