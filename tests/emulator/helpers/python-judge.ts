/**
 * Drives tests/emulator/python/judge.py: the official Python SDKs, one long-lived process per test file, called one
 * action at a time. Only the emulator tier's Python tests use it; `pythonJudgeAvailable()` is false without the
 * bootstrap venv, and those tests skip.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { createInterface, type Interface } from "node:readline";
import { parse } from "lossless-json";
import { REPO_ROOT } from "../../helpers/engine";

const VENV = process.env["ALICLOUD_CERTS_PYTHON_VENV"] ?? path.join(REPO_ROOT, ".tools", "python-sdks");
const PYTHON = path.join(VENV, "bin", "python");
const SCRIPT = path.join(REPO_ROOT, "tests", "emulator", "python", "judge.py");

/** Python ints are exact; keep integers beyond 2^53 (CAS OrderIds) as decimal strings instead of rounding them. */
function exactNumber(text: string): number | string {
  const value = Number(text);
  return /^-?\d+$/.test(text) && !Number.isSafeInteger(value) ? text : value;
}

/** True when the bootstrap venv with the official Python SDKs exists. */
export function pythonJudgeAvailable(): boolean {
  return existsSync(PYTHON);
}

/** What the Python SDK returned (`ok`) or raised. */
export type PythonResult =
  | { readonly ok: true; readonly status: number; readonly body: Record<string, unknown> }
  | {
      readonly ok: false;
      readonly type: string;
      readonly code: string | null;
      readonly status: number | null;
      readonly message: string;
      readonly data: Record<string, unknown> | null;
    };

/** A running judge. */
export class PythonJudge {
  private readonly waiting: ((line: string) => void)[] = [];
  private stderr = "";

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly lines: Interface,
    /** Installed SDK versions, by distribution name. */
    readonly versions: Record<string, string>,
  ) {
    lines.on("line", (line) => this.waiting.shift()?.(line));
    child.stderr.on("data", (chunk: Buffer) => (this.stderr += chunk.toString("utf8")));
  }

  /** Start the judge against an emulator endpoint (`127.0.0.1:PORT`). */
  static async start(settings: {
    endpoint: string;
    accessKeyId: string;
    accessKeySecret: string;
    /** `"v2"`: the legacy RPC HMAC-SHA1 signature; unset: ACS3-HMAC-SHA256. */
    signatureAlgorithm?: "v2";
  }): Promise<PythonJudge> {
    const child = spawn(PYTHON, [SCRIPT, JSON.stringify(settings)], { stdio: ["pipe", "pipe", "pipe"] });
    const lines = createInterface({ input: child.stdout });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const first = await new Promise<string>((resolve, reject) => {
      lines.once("line", resolve);
      child.once("exit", (code) => reject(new Error(`judge.py exited with ${code}: ${stderr}`)));
    });
    const ready = JSON.parse(first) as { ready: boolean; versions: Record<string, string> };
    return new PythonJudge(child, lines, ready.versions);
  }

  /** Call `action` through the official SDK of `product`; request fields in wire casing. */
  call(product: "esa" | "cas" | "ga", action: string, request: Record<string, unknown> = {}): Promise<PythonResult> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`judge.py did not answer ${action}: ${this.stderr}`)), 20_000);
      this.waiting.push((line) => {
        clearTimeout(timer);
        resolve(parse(line, undefined, exactNumber) as PythonResult);
      });
      this.child.stdin.write(`${JSON.stringify({ product, action, request })}\n`);
    });
  }

  /** Like {@link call}, but the call must succeed; returns the body. */
  async ok(
    product: "esa" | "cas" | "ga",
    action: string,
    request: Record<string, unknown> = {},
  ): Promise<Record<string, unknown>> {
    const result = await this.call(product, action, request);
    if (!result.ok)
      throw new Error(`${action} failed in the Python SDK: ${result.code} (${result.status}) ${result.message}`);
    return result.body;
  }

  /** Stop the process. */
  close(): void {
    this.lines.close();
    this.child.stdin.end();
    this.child.kill();
  }
}
