import * as pulumi from "@pulumi/pulumi";

/** A trivial dynamic provider: proves the engine, language host and dynamic-provider host work together. */
const echoProvider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: { message: string }) {
    return { id: `echo-${inputs.message.length}`, outs: { message: inputs.message, length: inputs.message.length } };
  },
};

class Echo extends pulumi.dynamic.Resource {
  declare readonly length: pulumi.Output<number>;
  constructor(name: string, message: string) {
    super(echoProvider, name, { message, length: undefined }, {}, "smoke", "Echo");
  }
}

const config = new pulumi.Config();
const echo = new Echo("echo", config.get("message") ?? "hello");
export const length = echo.length;
