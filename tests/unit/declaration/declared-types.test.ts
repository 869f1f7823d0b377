/**
 * The provider-side types derived from a declaration (`common/declared-types.ts`): a field per declared input, typed by
 * its value rule, optional unless check always sets it; a field per computed output, typed by its schema type. ESA's
 * derived types are pinned to the hand-written ones they replaced, so the public `CustomHostnameInputs` and
 * `CustomHostnameOutputs` keep their exact shape (checked by the compiler: a mismatch does not compile).
 */
import { strict as assert } from "node:assert";
import { type Unknown } from "../../../provider/resources/common/check";
import { type ResourceDeclaration } from "../../../provider/resources/common/declaration";
import { type ComputedOutputs, type NormalizedInputs } from "../../../provider/resources/common/declared-types";
import {
  BOOLEAN_VALUE,
  enumValue,
  hookValue,
  ID_VALUE,
  timeoutValue,
} from "../../../provider/resources/common/value-rules";
import {
  type CasRegion,
  type CertType,
  type CustomHostnameInputs,
  type CustomHostnameOutputs,
  type SslFlag,
  type WaitFor,
} from "../../../provider/resources/esa/custom-hostname";
import {
  type DelegationCname,
  type DvCertificateValidationInputs,
} from "../../../provider/resources/cas/dv-certificate-validation/types";

/** True only when A and B are the same type, modifiers included (the compiler's identity of generic signatures). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** One object type, so that an intersection compares as its merged fields. */
type Flat<T> = { [K in keyof T]: T[K] };

/** `CustomHostnameInputs` as it was written by hand before it was derived from the declaration. */
type HandWrittenInputs = {
  readonly siteId: string;
  readonly hostname: string;
  readonly recordId: string;
  readonly sslFlag: SslFlag;
  readonly certType?: CertType;
  readonly certificate?: string;
  readonly privateKey?: string;
  readonly casId?: string;
  readonly casRegion?: CasRegion;
  readonly certIdentifier?: string;
  readonly waitFor: WaitFor;
  readonly waitTimeoutSeconds: number | Unknown;
  readonly applyCertificateTrigger?: string;
  readonly adoptExisting: boolean;
};

/** The computed part of `CustomHostnameOutputs` as it was written by hand. */
type HandWrittenComputed = {
  readonly hostnameId: string;
  readonly status?: string;
  readonly verifyHost?: string;
  readonly verifyCode?: string;
  readonly certStatus?: string;
  readonly certId?: string;
  readonly certApplyCode?: string;
  readonly certApplyMessage?: string;
  readonly certTxtKey?: string;
  readonly certTxtValue?: string;
  readonly certHttpKey?: string;
  readonly certHttpValue?: string;
  readonly certNotAfter?: string;
  readonly conflictWith?: string;
  readonly offlineReason?: string;
  readonly recordName?: string;
  readonly siteName?: string;
};

/** `DvCertificateValidationInputs` as it was written by hand before it was derived from the declaration. */
type HandWrittenValidationInputs = {
  readonly orderId: string | Unknown;
  readonly timeoutSeconds: number | Unknown;
  readonly delegationCname?: DelegationCname | Unknown;
};

/** A declaration with one input of each kind of optionality and rule, and computed outputs of each schema type. */
// Used as a type only: `satisfies` keeps each entry's literal type, as in the resource declarations.
const _SAMPLE = {
  inputs: {
    id: { doc: "", argsType: "", schema: { type: "string" }, change: "replace", required: true, value: ID_VALUE },
    mode: {
      doc: "",
      argsType: "",
      schema: { type: "string" },
      change: "update",
      defaultValue: "a",
      value: enumValue(["a", "b"] as const),
    },
    flag: { doc: "", argsType: "", schema: { type: "boolean" }, change: "provider", value: BOOLEAN_VALUE },
    wait: { doc: "", argsType: "", schema: { type: "integer" }, change: "provider", value: timeoutValue(9) },
    computedDefault: {
      doc: "",
      argsType: "",
      schema: { type: "string" },
      change: "update",
      alwaysSet: true,
      value: hookValue<"x" | "y">(),
    },
  },
  outputs: {
    id: { doc: "", outputType: "", schema: { type: "string" }, always: true },
    count: { doc: "", outputType: "", schema: { type: "integer" }, always: true },
    note: { doc: "", outputType: "", schema: { type: "string" } },
    ready: { doc: "", outputType: "", schema: { type: "boolean" } },
  },
} satisfies Pick<ResourceDeclaration, "inputs" | "outputs">;

describe("unit: provider-side types derived from the declaration", () => {
  it("esa.CustomHostname's derived types keep every field of the hand-written ones they replaced (compile time)", () => {
    // Every field they had keeps its type and modifiers; an input added to the declaration later adds a field.
    const inputs: Equal<Pick<CustomHostnameInputs, keyof HandWrittenInputs>, HandWrittenInputs> = true;
    type HandWrittenOutputs = Flat<HandWrittenInputs & HandWrittenComputed>;
    const outputs: Equal<Flat<Pick<CustomHostnameOutputs, keyof HandWrittenOutputs>>, HandWrittenOutputs> = true;
    assert.ok(inputs && outputs);
  });

  it("cas.DvCertificateValidation's derived inputs keep every field of the hand-written ones (compile time)", () => {
    const inputs: Equal<
      Pick<DvCertificateValidationInputs, keyof HandWrittenValidationInputs>,
      HandWrittenValidationInputs
    > = true;
    assert.ok(inputs);
  });

  it("each kind of rule and of optionality gives its type (compile time)", () => {
    const inputs: Equal<
      NormalizedInputs<(typeof _SAMPLE)["inputs"]>,
      {
        readonly id: string;
        readonly mode: "a" | "b";
        readonly computedDefault: "x" | "y";
        readonly flag?: boolean | Unknown;
        readonly wait?: number | Unknown;
      }
    > = true;
    const computed: Equal<
      ComputedOutputs<typeof _SAMPLE>,
      { readonly count: number; readonly note?: string; readonly ready?: boolean }
    > = true;
    assert.ok(inputs && computed);
  });
});
