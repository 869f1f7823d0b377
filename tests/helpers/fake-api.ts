/**
 * A scripted stand-in for the client seam `AlibabaApi` (`Pick<AlibabaClient, "call">`): each action answers with the
 * next scripted reply, given as the wire body the service would send and decoded by the operation's own decoder, so
 * a fake needs no cast and a reply the real decoder would reject fails here too. A reply may also throw.
 */
import { Reader } from "../../provider/transport/decode";
import { type Operation, type WireParams } from "../../provider/transport/operation";
import { type WireJson } from "../../provider/transport/wire-json";
import { type AlibabaApi } from "../../provider/resources/common/host";

/** One scripted reply: a wire body, or a function returning one (or throwing the error to answer with). */
export type ScriptedReply = () => WireJson;

/** A fake client and the actions it was called with, in order. */
export interface FakeApi {
  readonly api: AlibabaApi;
  readonly actions: string[];
}

/** A fake whose action `A` answers with the replies `script[A]`, in order; an unscripted call fails the test. */
export function fakeApi(script: Record<string, ScriptedReply[]>): FakeApi {
  const actions: string[] = [];
  const api: AlibabaApi = {
    call: async <Req extends WireParams, Res>(op: Operation<Req, Res>): Promise<Res> => {
      actions.push(op.action);
      const next = script[op.action]?.shift();
      if (next === undefined) throw new Error(`unexpected ${op.action}`);
      return op.decode(Reader.root(next()));
    },
  };
  return { api, actions };
}
