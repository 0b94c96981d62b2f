// The frame part of the per-backend suite (called from backends.test.ts, so it runs once per
// backend with OCPP_TEST_BACKENDS): every frames.json vector as string and bytes, and a fast-check
// differential against the frame reference.
import fc from "fast-check";
import { expect, it } from "vitest";
import { ACTIONS, buildCallError, type ActionName, type FrameValidationResult, type Validator } from "ocpp-validate";
import { messagePayloadArb, mutatedTextArb, payloadTextArbFor, stringText, validPayloadArb } from "@ocpp-validate/test-vectors/arbitraries";
import { referenceValidateFrame, type FrameResult } from "@ocpp-validate/test-vectors/frame-reference";
import { property } from "@ocpp-validate/test-vectors/property";
import { loadFrameVectors } from "@ocpp-validate/test-vectors/vectors";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * `got` (for `input`) must equal the reference's `want` (whose range is in bytes): every field
 * exactly, issues as the same ordered (instancePath, keyword) list.
 */
export function expectFrame(got: FrameValidationResult, want: FrameResult, input: string | Uint8Array) {
  const { errors, payloadRange, warnings, ...rest } = got;
  const { errors: wantErrors, payloadRange: wantRange, warnings: wantWarnings, ...wantRest } = want;
  expect(rest).toEqual(wantRest);
  expect(errors.map((e) => ({ instancePath: e.instancePath, keyword: e.keyword }))).toEqual(wantErrors);
  expect(warnings.map((w) => ({ instancePath: w.instancePath, warning: w.warning }))).toEqual(wantWarnings);
  for (const w of warnings) expect(typeof w.message).toBe("string");
  for (const e of errors) {
    expect(typeof e.message).toBe("string");
    expect(typeof e.ocppErrorCode).toBe("string");
  }
  if (wantRange === null || payloadRange === null) {
    expect(payloadRange).toEqual(wantRange);
  } else if (typeof input === "string") {
    // string input: indices into the string that select the same bytes
    const bytes = encoder.encode(input);
    expect(input.slice(...payloadRange)).toBe(decoder.decode(bytes.subarray(...wantRange)));
    expect(encoder.encode(input.slice(0, payloadRange[0])).length).toBe(wantRange[0]);
  } else {
    expect(payloadRange).toEqual(wantRange);
  }
  if (got.callError) {
    const [, id, code, description, details] = JSON.parse(got.callError.frame) as [number, string, string, string, object];
    expect(got.callError.frame).toBe(buildCallError(id, code as never, description, details));
  }
}

/** A frame around a payload text, with an id and action drawn from interesting shapes. */
const frameArb = fc
  .record({
    type: fc.constantFrom("2", "2", "2", "3", "4", "2.0", "5", '"2"'),
    id: fc.oneof(fc.string({ maxLength: 40, unit: "binary" }), fc.constant("x".repeat(36)), fc.constant("x".repeat(37))),
    escapeId: fc.array(fc.boolean(), { maxLength: 40 }),
    action: fc.oneof(fc.constantFrom("StopTransaction", "StopTransaction", "Heartbeat", "\\u0053topTransaction", "", "Foo"), fc.constantFrom(...ACTIONS)),
    payload: fc.oneof(validPayloadArb, mutatedTextArb, messagePayloadArb.map((m) => m.text)),
    extra: fc.constantFrom("", "", "", ",{}", ",1"),
    ws: fc.constantFrom("", " ", "\n\t", " \r\n "),
  })
  .map(({ type, id, escapeId, action, payload, extra, ws }) => `${ws}[${ws}${type},${ws}${stringText(id, escapeId)}${ws},"${action}",${ws}${payload}${extra}${ws}]${ws}`);

/** A CALLRESULT answering a pending call of `action`, with a payload drawn for its response schema. */
const callResultArb = fc.constantFrom(...ACTIONS).chain((action) =>
  fc
    .record({ id: fc.string({ maxLength: 38 }), payload: payloadTextArbFor(`${action}Response`), ws: fc.constantFrom("", " ", "\n") })
    .map(({ id, payload, ws }) => ({ action, text: `[3,${ws}${JSON.stringify(id)},${ws}${payload}${ws}]` })),
);

export function frameTests(v: Validator) {
  const frames = loadFrameVectors({ protocol: "ocpp1.6" });

  it(`validates every frame vector like the reference, as string and bytes (${frames.length} cases)`, () => {
    expect(frames.length).toBeGreaterThan(100);
    for (const c of frames) {
      const inputs = typeof c.data === "string" ? [c.data, encoder.encode(c.data)] : [c.data];
      for (const input of inputs) {
        const responseTo = (c.responseTo ?? undefined) as ActionName | undefined;
        try {
          expectFrame(v.validateFrame(input, { allErrors: true, responseTo }), c.expected, input);
          expectFrame(v.validateFrame(input, { responseTo }), c.expectedFirst, input);
        } catch (error) {
          throw new Error(`frame vector ${c.name} (${typeof input}): ${(error as Error).message}`);
        }
      }
    }
  });

  it("matches the frame reference on generated frames (string and bytes, with and without the pending call)", async () => {
    await fc.assert(
      property(frameArb, fc.boolean(), fc.option(fc.constantFrom(...ACTIONS)), (text, allErrors, pending) => {
        const responseTo = pending ?? undefined;
        const want = referenceValidateFrame(text, { allErrors, responseTo });
        expectFrame(v.validateFrame(text, { allErrors, responseTo }), want, text);
        const bytes = encoder.encode(text);
        expectFrame(v.validateFrame(bytes, { allErrors, responseTo }), want, bytes);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 10_000) / 5 },
    );
  }, 600_000);

  it("matches the frame reference on CALLRESULTs of every action's response", async () => {
    await fc.assert(
      property(callResultArb, fc.boolean(), ({ action, text }, allErrors) => {
        const responseTo = action as ActionName;
        expectFrame(v.validateFrame(text, { allErrors, responseTo }), referenceValidateFrame(text, { allErrors, responseTo }), text);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 10_000) / 5 },
    );
  }, 600_000);

  it("matches the frame reference on truncated and byte-mutated frames", async () => {
    await fc.assert(
      property(frameArb, fc.nat(), fc.nat(), fc.integer({ min: 0, max: 255 }), (text, cut, at, byte) => {
        const bytes = encoder.encode(text);
        bytes[at % bytes.length] = byte;
        const input = bytes.subarray(0, cut % (bytes.length + 1));
        expectFrame(v.validateFrame(input, { allErrors: true }), referenceValidateFrame(input, { allErrors: true }), input);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 10_000) / 5 },
    );
  }, 600_000);

  it("survives hostile frames: 1 MB payload, 100 000 nested brackets, invalid UTF-8", () => {
    const payload = `{"transactionId":1,"timestamp":"2024-05-17T14:32:05Z","meterStop":1,"idTag":"${"x".repeat(1 << 20)}"}`;
    const prefix = '[2,"big","StopTransaction",';
    const big = v.validateFrame(Buffer.from(`${prefix}${payload}]`));
    expect(big.callError?.errorCode).toBe("PropertyConstraintViolation");
    expect(big.payloadRange).toEqual([prefix.length, prefix.length + payload.length]);
    const deep = v.validateFrame(`[2,"d","StopTransaction",${"[".repeat(100_000)}${"]".repeat(100_000)}]`);
    expect(deep.callError?.errorCode).toBe("TypeConstraintViolation");
    const bad = v.validateFrame(Uint8Array.from([0x5b, 0x32, 0x2c, 0x22, 0xff, 0x22, 0x5d]));
    expect([bad.kind, bad.callError?.errorCode, bad.errors.map((e) => e.keyword)]).toEqual(["invalid", "FormationViolation", ["parse"]]);
    expect(JSON.parse(bad.callError!.frame)).toEqual([4, "-1", "FormationViolation", "Frame is not a valid UTF-8 JSON text", {}]);
  });

  it("a Buffer view into a pool gives ranges relative to the view", () => {
    const text = '[2,"p","StopTransaction",{"transactionId":1,"timestamp":"2024-05-17T14:32:05Z","meterStop":1}]';
    const pooled = Buffer.from(`garbage${text}garbage`).subarray(7, 7 + text.length);
    const r = v.validateFrame(pooled);
    expect(r.valid).toBe(true);
    expect(pooled.subarray(...r.payloadRange!).toString()).toBe(JSON.stringify(JSON.parse(text)[3]));
  });

  it("arguments that are not a message throw a TypeError", () => {
    for (const bad of [undefined, null, 5, {}, [2, "a", "StopTransaction", {}], new ArrayBuffer(2)]) {
      expect(() => v.validateFrame(bad as never)).toThrow(TypeError);
    }
  });
}
