/** The pulumi CLI as the demo runs it: the user's terminal attached, or stdout captured for JSON. */
import { spawn } from "node:child_process";
import * as path from "node:path";

/** Repository root: the root Pulumi.yaml is the demo's project. */
export const ROOT = path.resolve(__dirname, "..");
/** The demo's stack name. */
export const STACK = "demo";

/**
 * Run `pulumi <args> --stack demo --non-interactive`. Output goes straight to the terminal, so it looks exactly as when
 * run by hand; with `capture`, stdout is returned instead (stderr still shows).
 */
export function pulumi(args: readonly string[], env: NodeJS.ProcessEnv, capture = false): Promise<string> {
  const stackless = args[0] === "stack" && args[1] === "init";
  const flags = stackless ? ["--non-interactive"] : ["--stack", STACK, "--non-interactive"];
  return new Promise((resolve, reject) => {
    const child = spawn("pulumi", [...args, ...flags], {
      cwd: ROOT,
      env,
      stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit",
    });
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`pulumi ${args.join(" ")} exited ${code}`)),
    );
  });
}

/** `pulumi stack output --json`: the stack's outputs (secrets stay hidden). */
export async function stackOutputs(env: NodeJS.ProcessEnv): Promise<Record<string, unknown>> {
  const parsed: unknown = JSON.parse(await pulumi(["stack", "output", "--json"], env, true));
  return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {};
}
