import { randomBytes } from "node:crypto";
import type { ServiceContext } from "../../../core/contract";
import type { CasState } from "../state";

/**
 * OrderIds start just above the doc's example (98987582437920968), i.e. far above 2^53: clients that parse the JSON
 * with `JSON.parse` lose precision exactly as they would against the real service.
 */
const ORDER_ID_BASE = 98987582437920968n;
const CERT_ID_BASE = 14000000;
const ALIYUN_ORDER_ID_BASE = 234567000;

/** Identifiers of a new order. */
export interface OrderIds {
  readonly orderId: string;
  readonly instanceId: string;
  readonly aliyunOrderId: number;
}

/** Allocate the identifiers of a new order from the deterministic `cas.order` sequence. */
export function newOrderIds(ctx: ServiceContext): OrderIds {
  const n = Number(ctx.nextId("cas.order"));
  return {
    orderId: (ORDER_ID_BASE + BigInt(n)).toString(),
    instanceId: `cas-ivauto-${n.toString(36).padStart(6, "0")}`,
    aliyunOrderId: ALIYUN_ORDER_ID_BASE + n,
  };
}

/** Allocate a CertId from the `cas.certificate` sequence, skipping ids a seed already declared. */
export function newCertId(state: CasState, ctx: ServiceContext): string {
  for (;;) {
    const id = String(CERT_ID_BASE + Number(ctx.nextId("cas.certificate")));
    if (state.certificates[id] === undefined) return id;
  }
}

/**
 * A validation token shaped like the doc's RecordValue example
 * (`20200420000000223erigacv46uhaubchcm0o7spxi7i2isvjq59mlx9lucnkqcy`): a 17-digit timestamp then 47 lower-case
 * alphanumerics.
 */
export function newValidationToken(nowMs: number): string {
  const stamp = new Date(nowMs).toISOString().replace(/[-T:.Z]/g, ""); // yyyyMMddHHmmssSSS
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const random = [...randomBytes(47)].map((b) => alphabet[b % alphabet.length]).join("");
  return stamp + random;
}
