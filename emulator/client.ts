/**
 * A typed client for the emulator's unsigned control API (`/__emulator/…`), built on the global `fetch`. It has no
 * dependency on the server code, so tests and scripts can drive an emulator running in another process.
 */
import type { CaScheduleEntry } from "./core/ca-schedule";
import type { EmulatorSeed, Product, PublishedRecord, WorldState } from "./core/contract";
import type {
  ClockInfo,
  DnsAnswer,
  FaultRuleInfo,
  FaultRuleInput,
  HealthInfo,
  RateLimitOverrideInput,
  RequestLogEntry,
  RequestLogFilter,
} from "./core/control-types";
import type { ServingAnalysis, ServingReport } from "./core/serving-types";

/** A control call the emulator rejected; `code` and `message` come from its JSON error body. */
export class EmulatorControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${code} (HTTP ${status}): ${message}`);
    this.name = "EmulatorControlError";
  }
}

/** Selects records to unpublish: kind and name always, type and value to narrow. */
export interface RecordSelectorInput {
  kind: "dns" | "file";
  name: string;
  type?: string;
  value?: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The `caSchedule` of a `cas/schedule` reply. */
function scheduleIn(body: unknown): CaScheduleEntry[] {
  const inForce = isObject(body) ? body["caSchedule"] : undefined;
  if (!Array.isArray(inForce)) throw new Error("The emulator returned no CA schedule.");
  return inForce as CaScheduleEntry[];
}

/** See the module comment. */
export class EmulatorControl {
  private readonly base: string;

  /** @param url the emulator's base URL, e.g. `http://127.0.0.1:8080`. */
  constructor(url: string) {
    this.base = url.replace(/\/+$/, "");
  }

  /** `GET /__emulator/health`. */
  health(): Promise<HealthInfo> {
    return this.call("GET", "health") as Promise<HealthInfo>;
  }

  /** `GET /__emulator/objects`: each service's object summary, by product. */
  async objects(): Promise<Partial<Record<Product, unknown>>> {
    const body = await this.call("GET", "objects");
    return isObject(body) ? body : {};
  }

  /** `GET /__emulator/state`: the raw world. */
  state(): Promise<WorldState> {
    return this.call("GET", "state") as Promise<WorldState>;
  }

  /** `POST /__emulator/seed`: merge credentials and product sections into the running world. */
  async seed(seed: EmulatorSeed): Promise<void> {
    await this.call("POST", "seed", seed);
  }

  /** `POST /__emulator/records`: publish a DNS record or HTTP file as the customer. */
  async publishRecord(record: PublishedRecord): Promise<void> {
    await this.call("POST", "records", record);
  }

  /** `DELETE /__emulator/records`: unpublish the selected records; returns how many were removed. */
  async unpublishRecord(selector: RecordSelectorInput): Promise<number> {
    const body = await this.call("DELETE", "records", selector);
    return isObject(body) && typeof body["removed"] === "number" ? body["removed"] : 0;
  }

  /** `GET /__emulator/records`. */
  records(): Promise<PublishedRecord[]> {
    return this.call("GET", "records") as Promise<PublishedRecord[]>;
  }

  /**
   * `GET /__emulator/dns?name=&type=`: what the emulator's public DNS answers, as services read it (TXT and other
   * types follow CNAME chains, bounded; a loop or an over-long chain answers `SERVFAIL`). @param type @default "TXT"
   */
  resolveDns(name: string, type = "TXT"): Promise<DnsAnswer> {
    const query = new URLSearchParams({ name, type });
    return this.call("GET", `dns?${query.toString()}`) as Promise<DnsAnswer>;
  }

  /**
   * `GET /__emulator/serving`: per consumer (ESA hostname by name, GA binding by listener + domain), which
   * certificate it served from when on the emulator's clock, `none` and `absent` periods included.
   */
  serving(): Promise<ServingReport> {
    return this.call("GET", "serving") as Promise<ServingReport>;
  }

  /**
   * `GET /__emulator/serving/analysis`: every stretch in which a consumer served a revoked, expired, not yet valid
   * or unknown certificate, or had none after having one (`unserved`, or `gap` when it was removed and re-created).
   * `ok` is true when there is none. Judged at the current emulator time, so a clock jump shows as `expired`.
   */
  servingAnalysis(): Promise<ServingAnalysis> {
    return this.call("GET", "serving/analysis") as Promise<ServingAnalysis>;
  }

  /** `DELETE /__emulator/serving`: forget the timelines; each consumer starts a new period at the current time. */
  async clearServing(): Promise<void> {
    await this.call("DELETE", "serving");
  }

  /** `POST /__emulator/clock/advance`: move simulated time forward by `ms`. */
  advanceTime(ms: number): Promise<ClockInfo> {
    return this.call("POST", "clock/advance", { ms }) as Promise<ClockInfo>;
  }

  /** `POST /__emulator/clock/speed`: change the simulated-time multiplier (0 freezes). */
  setSpeed(speed: number): Promise<ClockInfo> {
    return this.call("POST", "clock/speed", { speed }) as Promise<ClockInfo>;
  }

  /** `GET /__emulator/clock`. */
  clock(): Promise<ClockInfo> {
    return this.call("GET", "clock") as Promise<ClockInfo>;
  }

  /** Simulated now, epoch ms. */
  async now(): Promise<number> {
    return (await this.clock()).now;
  }

  /** `POST /__emulator/faults`: add a fault rule; returns its id. */
  async addFault(rule: FaultRuleInput): Promise<string> {
    const body = await this.call("POST", "faults", rule);
    if (!isObject(body) || typeof body["id"] !== "string") throw new Error("The emulator returned no fault id.");
    return body["id"];
  }

  /** `GET /__emulator/faults`. */
  faults(): Promise<FaultRuleInfo[]> {
    return this.call("GET", "faults") as Promise<FaultRuleInfo[]>;
  }

  /** `DELETE /__emulator/faults/<id>`. */
  async removeFault(id: string): Promise<void> {
    await this.call("DELETE", `faults/${encodeURIComponent(id)}`);
  }

  /** `DELETE /__emulator/faults`: remove every rule. */
  async clearFaults(): Promise<void> {
    await this.call("DELETE", "faults");
  }

  /** `POST /__emulator/rate-limits`: override, disable or restore one action's rate limit. */
  async setRateLimit(input: RateLimitOverrideInput): Promise<void> {
    await this.call("POST", "rate-limits", input);
  }

  /** `DELETE /__emulator/rate-limits`: drop every override and counter. */
  async clearRateLimits(): Promise<void> {
    await this.call("DELETE", "rate-limits");
  }

  /** `GET /__emulator/requests`: the request log, optionally filtered. */
  requests(filter: RequestLogFilter = {}): Promise<RequestLogEntry[]> {
    const query = new URLSearchParams();
    if (filter.product !== undefined) query.set("product", filter.product);
    if (filter.action !== undefined) query.set("action", filter.action);
    if (filter.since !== undefined) query.set("since", String(filter.since));
    const qs = query.toString();
    return this.call("GET", qs === "" ? "requests" : `requests?${qs}`) as Promise<RequestLogEntry[]>;
  }

  /** `DELETE /__emulator/requests`. */
  async clearRequests(): Promise<void> {
    await this.call("DELETE", "requests");
  }

  /**
   * `POST /__emulator/cas/schedule {caSchedule}`: replace the CA's issuance schedule (leaf validity and DCV reuse by
   * date), or restore the emulator's start option with `null`. Returns the schedule now in force.
   */
  async setCaSchedule(schedule: readonly CaScheduleEntry[] | null): Promise<CaScheduleEntry[]> {
    return scheduleIn(await this.call("POST", "cas/schedule", { caSchedule: schedule }));
  }

  /** `POST /__emulator/cas/schedule {}`: the CA's issuance schedule in force. */
  async caSchedule(): Promise<CaScheduleEntry[]> {
    return scheduleIn(await this.call("POST", "cas/schedule", {}));
  }

  /** `POST /__emulator/<product>/<name>`: a service's own control operation. */
  service(product: Product, name: string, body: unknown = {}): Promise<unknown> {
    return this.call("POST", `${product}/${encodeURIComponent(name)}`, body);
  }

  /** `POST /__emulator/reset`: back to the start seed; faults and rate-limit overrides are dropped. */
  async reset(): Promise<void> {
    await this.call("POST", "reset");
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    const init: RequestInit = { method, headers: { accept: "application/json" } };
    if (body !== undefined) {
      init.body = JSON.stringify(body);
      init.headers = { accept: "application/json", "content-type": "application/json" };
    }
    const res = await fetch(`${this.base}/__emulator/${path}`, init);
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text === "" ? null : (JSON.parse(text) as unknown);
    } catch {
      throw new EmulatorControlError(res.status, "InvalidResponse", text.slice(0, 200));
    }
    if (!res.ok) {
      const code = isObject(parsed) && typeof parsed["Code"] === "string" ? parsed["Code"] : "Unknown";
      const message = isObject(parsed) && typeof parsed["Message"] === "string" ? parsed["Message"] : text;
      throw new EmulatorControlError(res.status, code, message);
    }
    return parsed;
  }
}
