// The floor of bench/cli.ts P1: a dynamic provider that calls nothing. bench/cli.ts copies this folder into
// node_modules before P1, so the serialized `__provider` is a short require() like esa.CustomHostname's (about 300
// bytes), not the provider's source captured by value (about 2 KB). A bigger `__provider` makes every checkpoint of
// every step bigger, which slowed the floor's `up` and `destroy` and flattered our ratios.
"use strict";

exports.check = async (_olds, news) => ({ inputs: news });

exports.diff = async () => ({ changes: false });

exports.create = async (inputs) => {
  const hostname = String(inputs.hostname);
  const id = String(4_100_000_000_000_000 + Number(/\d+/.exec(hostname)?.[0] ?? 0));
  return {
    id,
    outs: {
      ...inputs,
      hostnameId: id,
      status: "pending",
      verifyHost: `_esa-verify.${hostname}`,
      verifyCode: `verify-${id}-0123456789abcdef`,
      recordName: "origin.example-saas.com",
      siteName: "example-saas.com",
    },
  };
};

exports.read = async (id, props) => ({ id, props });

exports.delete = async () => {};
