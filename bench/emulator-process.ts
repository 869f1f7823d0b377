/**
 * The emulator of the ESA CLI scenarios, in a process of its own (`emulator/bin.ts`, what `alicloud-emulator` runs),
 * as a service is. Inside the bench process it answered from the heap and event loop of minutes of in-process
 * scenarios and of the harness watching the CLI, which only our variant paid for: P1's `destroy` of 300 came out
 * 1.11–1.35× the floor in every cycle there, about 1.05× against an emulator in a fresh process.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import { EmulatorControl } from "../emulator";

/** What the CLI scenarios use of a running emulator. */
export interface EmulatorProcess {
  /** `http://127.0.0.1:PORT`: what `ALICLOUD_CERTS_ENDPOINT` takes. */
  readonly url: string;
  /** The seeded access key. */
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  /** The control API client. */
  readonly control: EmulatorControl;
  /** Stop the process and wait until it has exited. */
  close(): Promise<void>;
}

/** How long the emulator may take to print its connection details (ts-node compiles it first). */
const START_TIMEOUT_MS = 60_000;

/** The connection details `alicloud-emulator --quiet` prints, once all three are in `text`. */
function connectionDetails(text: string): Pick<EmulatorProcess, "url" | "accessKeyId" | "accessKeySecret"> | undefined {
  const url = /listening on (http:\/\/\S+)/.exec(text)?.[1];
  const accessKeyId = /access key id:\s+(\S+)/.exec(text)?.[1];
  const accessKeySecret = /access key secret:\s+(\S+)/.exec(text)?.[1];
  return url === undefined || accessKeyId === undefined || accessKeySecret === undefined
    ? undefined
    : { url, accessKeyId, accessKeySecret };
}

/** Start `emulator/bin.ts --quiet` under ts-node (as this bench runs) and wait for its connection details. */
export function startEmulatorProcess(): Promise<EmulatorProcess> {
  const bin = path.join(__dirname, "..", "emulator", "bin.ts");
  const child = spawn(process.execPath, ["-r", "ts-node/register/transpile-only", bin, "--quiet"], {
    cwd: path.join(__dirname, ".."),
    // Its stderr is ours: an emulator error shows where the bench's own output does.
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const fail = (why: string): void => {
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(new Error(`bench: the emulator process ${why}`));
    };
    const timer = setTimeout(() => fail(`printed no address in ${START_TIMEOUT_MS / 1000} s`), START_TIMEOUT_MS);
    child.once("exit", (code, signal) => fail(`exited (${signal ?? code}) before it printed its address`));
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const details = connectionDetails(out);
      if (details === undefined) return;
      clearTimeout(timer);
      child.removeAllListeners("exit");
      child.stdout?.removeAllListeners("data").resume();
      resolve({ ...details, control: new EmulatorControl(details.url), close: () => stop(child) });
    });
  });
}

/** SIGTERM (the emulator closes cleanly on it), then wait for the exit. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
