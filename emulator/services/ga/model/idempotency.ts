/**
 * ClientToken idempotency kept in the GA state (and so in the state file). The core already replays a repeated
 * ClientToken from its own cache, but this service also remembers accepted writes so that a retry after a committed
 * write is answered with the original response — without running into the lock it took — even after a restart.
 */
import { V1_COMMON_PARAMS } from "../../../core/auth-v1";
import { type ApiCall, type ServiceContext } from "../../../core/contract";
import { idempotentMismatch, invalidParameter } from "../errors";
import { type GaState } from "../state";

/** How many accepted tokens are remembered (oldest are forgotten first). */
export const MAX_CLIENT_TOKENS = 1000;

/**
 * Parameters that differ between two sends of the same logical request: the token itself and the V1 signature's
 * envelope (the core strips the envelope from V1 calls already; an ACS3 call could still carry those names).
 */
const VOLATILE = new Set(["ClientToken", ...V1_COMMON_PARAMS]);

/** A canonical rendering of the request's meaningful parameters. */
function fingerprint(params: ApiCall["params"]): string {
  const kept = Object.entries(params)
    .filter(([key]) => !VOLATILE.has(key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(kept);
}

/** The documented ClientToken rule: ASCII only (the older docs also say at most 64 characters). */
function checkToken(token: string): void {
  if (token.length > 64 || !/^[\x20-\x7e]+$/.test(token)) {
    throw invalidParameter("The parameter ClientToken must be printable ASCII of at most 64 characters.");
  }
}

/**
 * Runs `write` at most once per (action, ClientToken). A repeat with the same parameters returns the first response
 * unchanged; a repeat with different parameters is `IdempotentParameterMismatch`. Failed writes are not remembered,
 * so they can be retried with the same token. Calls without a token always run.
 */
export function oncePerClientToken(
  state: GaState,
  call: ApiCall,
  ctx: ServiceContext,
  write: () => Record<string, unknown>,
): Record<string, unknown> {
  const token = call.params["ClientToken"];
  if (token === undefined || token === "") return write();
  checkToken(token);
  const print = fingerprint(call.params);
  const seen = state.clientTokens.find((record) => record.action === call.action && record.token === token);
  if (seen !== undefined) {
    if (seen.fingerprint !== print) throw idempotentMismatch();
    return { ...seen.response };
  }
  const response = write();
  state.clientTokens.push({ action: call.action, token, fingerprint: print, response, at: ctx.clock.now() });
  if (state.clientTokens.length > MAX_CLIENT_TOKENS)
    state.clientTokens.splice(0, state.clientTokens.length - MAX_CLIENT_TOKENS);
  return response;
}
