// OCPP 2.0.1 and 2.1 in the reference, the frame reference and the protocol lists (issue 15's
// contract): hand-checked answers, written out from the schema files and the contract.
import { describe, it, expect } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  PROTOCOLS, PROTOCOL_MESSAGE_NAMES, DEFAULT_MESSAGES, schemaDirOf, schemaFor, schemaPathFor, checkMessageName, checkProtocol,
  referenceValidate, referenceValidateValue, compileReference, OCPP_ERROR_CODE, OCPP2_ERROR_CODE, ocppErrorCode,
} from "../reference.mjs";
import * as P from "../protocols.mjs";
import { PROTOCOL_SCHEMAS } from "../schemas.mjs";
import { messageSchema, resolveRefs, definitionName, typeOf, isOpenObject, sites, valueOf, ensurePath } from "../schema-walk.mjs";
import { referenceValidateFrame, actionsFor, stationActionsFor, csmsActionsFor, requestMessageFor, payloadDescription, PROTOCOL_DESCRIPTIONS } from "../frame-reference.mjs";
import { payloadFor, invalidPayloadFor, transactionEventPayload, transactionEventValue, mixedBatchFor } from "../payloads.mjs";

const TS = "2024-05-17T14:32:05Z";
const TE_MIN = { eventType: "Started", timestamp: TS, triggerReason: "Authorized", seqNo: 0, transactionInfo: { transactionId: "tx-1" } };
const te = (/** @type {Record<string, unknown>} */ over) => JSON.stringify({ ...TE_MIN, ...over });
const pairs = (/** @type {{instancePath: string, keyword: string}[]} */ l) => l.map((e) => `${e.instancePath} ${e.keyword}`);

describe("protocols and message indexes", () => {
  it("message names: the schema file stems, sorted, 56 / 128 / 181; global index = position in the concatenation", () => {
    expect(PROTOCOLS).toEqual(["ocpp1.6", "ocpp2.0.1", "ocpp2.1"]);
    expect(P.PROTOCOLS).toEqual(PROTOCOLS);
    for (const [protocol, n] of /** @type {const} */ ([["ocpp1.6", 56], ["ocpp2.0.1", 128], ["ocpp2.1", 181]])) {
      const stems = readdirSync(schemaDirOf(protocol)).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5)).sort();
      expect(PROTOCOL_MESSAGE_NAMES[protocol]).toEqual(stems);
      expect(stems.length).toBe(n);
      expect(P.messageNamesOf(protocol)).toEqual(stems);
      expect(Object.keys(PROTOCOL_SCHEMAS[protocol]).sort()).toEqual(stems);
    }
    expect(P.GLOBAL_MESSAGE_NAMES.length).toBe(365);
    expect(P.globalOffsetOf("ocpp2.0.1")).toBe(56);
    expect(P.globalOffsetOf("ocpp2.1")).toBe(184);
    expect(P.globalMessageIndex("ocpp1.6", "Authorize")).toBe(0);
    expect(P.globalMessageIndex("ocpp2.0.1", "AuthorizeRequest")).toBe(56);
    expect(P.GLOBAL_MESSAGE_NAMES[P.globalMessageIndex("ocpp2.1", "TransactionEventRequest")]).toBe("TransactionEventRequest");
    expect(P.globalMessageIndex("ocpp2.1", "TransactionEventRequest")).toBeGreaterThan(P.globalMessageIndex("ocpp2.0.1", "TransactionEventRequest"));
    expect(() => P.globalMessageIndex("ocpp2.0.1", "StopTransaction")).toThrow(TypeError);
    expect(() => P.checkProtocol("ocpp2.0")).toThrow(/known protocols: ocpp1.6, ocpp2.0.1, ocpp2.1/);
  });

  it("defaults, actions, requests and responses", () => {
    expect(DEFAULT_MESSAGES).toEqual({ "ocpp1.6": "StopTransaction", "ocpp2.0.1": "TransactionEventRequest", "ocpp2.1": "TransactionEventRequest" });
    for (const p of PROTOCOLS) expect(P.defaultMessageOf(p)).toBe(DEFAULT_MESSAGES[p]);
    expect(P.requestMessageOf("ocpp2.0.1", "RequestStartTransaction")).toBe("RequestStartTransactionRequest");
    expect(P.responseMessageOf("ocpp2.0.1", "RequestStartTransaction")).toBe("RequestStartTransactionResponse");
    expect(P.requestMessageOf("ocpp2.1", "NotifyPeriodicEventStream")).toBe("NotifyPeriodicEventStream");
    expect(P.responseMessageOf("ocpp2.1", "NotifyPeriodicEventStream")).toBe(null);
    expect(P.requestMessageOf("ocpp2.0.1", "NotifyPeriodicEventStream")).toBe(null);
    expect(P.requestMessageOf("ocpp2.0.1", "BootNotificationRequest")).toBe(null);
    expect(P.requestMessageOf("ocpp1.6", "BootNotification")).toBe("BootNotification");
    const directions = JSON.parse(readFileSync(join(schemaDirOf("ocpp1.6"), "..", "directions.json"), "utf8"));
    for (const p of PROTOCOLS) {
      const station = p === "ocpp1.6" ? directions[p].chargePoint : directions[p].chargingStation;
      expect([...P.stationActionsOf(p)]).toEqual([...station].sort());
      expect([...stationActionsFor(p)]).toEqual([...station].sort());
      expect([...P.actionsOf(p)]).toEqual([...actionsFor(p)]);
      expect([...P.csmsActionsOf(p)]).toEqual([...csmsActionsFor(p)]);
      expect([...P.stationActionsOf(p), ...P.csmsActionsOf(p)].sort()).toEqual([...P.actionsOf(p)]);
      for (const a of P.actionsOf(p)) expect(requestMessageFor(a, p)).toBe(P.requestMessageOf(p, a));
    }
    expect([P.actionsOf("ocpp2.0.1").length, P.stationActionsOf("ocpp2.0.1").length, P.actionsOf("ocpp2.1").length, P.stationActionsOf("ocpp2.1").length]).toEqual([64, 25, 91, 37]);
  });
});

describe("reference, OCPP 2.x", () => {
  it("schemaFor / schemaPathFor / checkMessageName per protocol", () => {
    expect(schemaPathFor("TransactionEventRequest", "ocpp2.0.1")).toMatch(/schemas\/ocpp2\.0\.1\/TransactionEventRequest\.json$/);
    expect(schemaPathFor(undefined, "ocpp2.1")).toMatch(/schemas\/ocpp2\.1\/TransactionEventRequest\.json$/);
    expect(schemaFor("BootNotificationRequest", "ocpp2.1").$id).toBe("urn:OCPP:Cp:2:2025:1:BootNotificationRequest");
    expect(checkMessageName("TransactionEventRequest", "ocpp2.0.1")).toBe("TransactionEventRequest");
    for (const [bad, protocol] of /** @type {const} */ ([["StopTransaction", "ocpp2.0.1"], ["TransactionEvent", "ocpp2.1"], ["TransactionEventRequest", "ocpp1.6"], ["NotifyPeriodicEventStream", "ocpp2.0.1"]])) {
      let error;
      try {
        referenceValidate("{}", { message: bad, protocol });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toContain(JSON.stringify(bad));
      expect(error.message).toContain(`OCPP ${protocol.slice(4)} message`);
      for (const m of PROTOCOL_MESSAGE_NAMES[protocol]) expect(error.message).toContain(m);
    }
    expect(() => referenceValidate("{}", { protocol: /** @type {any} */ ("ocpp2.0") })).toThrow(TypeError);
    expect(() => checkProtocol("1.6")).toThrow(TypeError);
  });

  it("a known-valid TransactionEventRequest in both; the default message of 2.x is TransactionEventRequest", () => {
    for (const protocol of /** @type {const} */ (["ocpp2.0.1", "ocpp2.1"])) {
      expect(referenceValidate(te({}), { protocol })).toEqual({ valid: true, errors: [], tolerated: [] });
      expect(referenceValidate(te({}), { protocol, message: "TransactionEventRequest" }).valid).toBe(true);
      for (const size of /** @type {const} */ (["small", "medium", "large"])) expect(referenceValidate(transactionEventPayload({ size }), { protocol }).errors, size).toEqual([]);
      const r = referenceValidate("{}", { protocol });
      expect(pairs(r.errors)).toEqual([" required", " required", " required", " required", " required"]);
    }
    expect(transactionEventValue({ size: "small" }).eventType).toBe("Started");
    expect(transactionEventValue({ size: "large" }).meterValue.length).toBe(50);
    expect(transactionEventPayload({ size: "large" }).length).toBeGreaterThan(50_000);
    // 1.6's default is untouched
    expect(referenceValidate(te({})).valid).toBe(false);
  });

  it("minimum / maximum: at, beyond, other forms of the bound, doubles that round to it; fractional integers get type and the bound", () => {
    const v = (/** @type {string} */ n) => pairs(referenceValidate(`{"eventType":"Started","timestamp":"${TS}","triggerReason":"Authorized","seqNo":0,"transactionInfo":{"transactionId":"t"},"numberOfPhasesUsed":${n}}`, { protocol: "ocpp2.1" }).errors);
    for (const ok of ["0", "3", "0.0", "-0", "3.0", "3e0", "30e-1", "1e-400", "-1e-400", "2.99999999999999999", "3.00000000000000001"]) expect(v(ok), ok).toEqual([]);
    expect(v("-1")).toEqual(["/numberOfPhasesUsed minimum"]);
    expect(v("4")).toEqual(["/numberOfPhasesUsed maximum"]);
    expect(v("-1.5")).toEqual(["/numberOfPhasesUsed type", "/numberOfPhasesUsed minimum"]);
    expect(v("3.5")).toEqual(["/numberOfPhasesUsed type", "/numberOfPhasesUsed maximum"]);
    expect(v("1.5")).toEqual(["/numberOfPhasesUsed type"]);
    expect(v("3.0000000000001")).toEqual(["/numberOfPhasesUsed type", "/numberOfPhasesUsed maximum"]);
    expect(v("-5e-324")).toEqual(["/numberOfPhasesUsed type", "/numberOfPhasesUsed minimum"]);
    // strictNumbers: a non-finite number or a string gets `type` alone
    expect(v("1e400")).toEqual(["/numberOfPhasesUsed type"]);
    expect(v('"1"')).toEqual(["/numberOfPhasesUsed type"]);
    // the first issue without allErrors is ajv's own first: type before the bound
    expect(pairs(referenceValidate(te({ numberOfPhasesUsed: -1.5 }), { protocol: "ocpp2.1", allErrors: false }).errors)).toEqual(["/numberOfPhasesUsed type"]);
    // 2.0.1 has no bound on it
    expect(referenceValidate(te({ numberOfPhasesUsed: -1 }), { protocol: "ocpp2.0.1" }).valid).toBe(true);
  });

  it("a number with maximum 0.0 and an integer with 0..100 (2.1), given as raw number texts", () => {
    for (const [pred, texts] of /** @type {[(n: any) => boolean, [string, string[]][]][]} */ ([
      [(n) => n.type === "number" && n.maximum === 0, [["0", []], ["-0", []], ["0.0", []], ["1e-400", []], ["-1.5", []], ["5e-324", ["maximum"]], ["0.1", ["maximum"]], ["1e400", ["type"]]]],
      [(n) => n.type === "integer" && n.minimum === 0 && n.maximum === 100, [["100", []], ["100.0", []], ["1e2", []], ["100.00000000000000001", []], ["100.0000000000001", ["maximum", "type"]], ["101", ["maximum"]], ["-0", []], ["-1", ["minimum"]], ["50.5", ["type"]]]],
    ])) {
      const { message, path } = resolveNode("ocpp2.1", pred);
      const S = messageSchema(message, "ocpp2.1");
      for (const [text, keywords] of texts) {
        const v = valueOf(S, "minimal");
        const { parent, key } = ensurePath(S, v, path);
        parent[key] = "@@";
        const r = referenceValidate(JSON.stringify(v).replace('"@@"', text), { protocol: "ocpp2.1", message });
        expect(r.errors.map((e) => e.keyword).sort(), `${message} ${text}`).toEqual(keywords);
      }
    }
  });

  it("minItems / maxItems: [] and one too many; maxItems before minItems before the items", () => {
    expect(pairs(referenceValidate(te({ meterValue: [] }), { protocol: "ocpp2.0.1" }).errors)).toEqual(["/meterValue minItems"]);
    expect(pairs(referenceValidate(te({ meterValue: [{ timestamp: TS, sampledValue: [] }] }), { protocol: "ocpp2.0.1" }).errors)).toEqual(["/meterValue/0/sampledValue minItems"]);
    expect(pairs(referenceValidate(te({ meterValue: [{ timestamp: TS, sampledValue: [{ value: 1 }] }] }), { protocol: "ocpp2.0.1" }).errors)).toEqual([]);
    // 2.1 taxRates (1..5 items), wherever AuthorizeResponse first has one
    const S = messageSchema("AuthorizeResponse", "ocpp2.1");
    const site = sites(S).find((x) => x.path.at(-1) === "taxRates");
    if (!site) throw new Error("no taxRates in AuthorizeResponse");
    const item = valueOf(site.node.items, "minimal");
    const at = (/** @type {unknown[]} */ items) => {
      const v = valueOf(S, "minimal");
      const { parent, key } = ensurePath(S, v, site.path);
      parent[key] = items;
      return referenceValidateValue(v, { protocol: "ocpp2.1", message: "AuthorizeResponse" });
    };
    const path = site.path.map((x) => "/" + x).join("");
    expect(at([item, item, item, item, item]).errors).toEqual([]);
    expect(pairs(at([item, item, item, item, item, 1]).errors)).toEqual([`${path} maxItems`, `${path}/5 type`]);
    expect(pairs(at([]).errors)).toEqual([`${path} minItems`]);
    expect(pairs(at([1]).errors)).toEqual([`${path}/0 type`]);
  });

  it("CustomDataType takes any extra member at any depth; DataTransfer data takes any JSON", () => {
    const deep = "[".repeat(3000) + "]".repeat(3000);
    for (const protocol of /** @type {const} */ (["ocpp2.0.1", "ocpp2.1"])) {
      for (const extra of ["null", "1.5", '"s"', "[]", '{"a":{"b":[1,{"c":null}]}}', deep, '{"a":'.repeat(3000) + "1" + "}".repeat(3000)]) {
        expect(referenceValidate(`{"vendorId":"v","customData":{"vendorId":"x","extra":${extra}}}`, { protocol, message: "DataTransferRequest" }).valid).toBe(true);
        expect(referenceValidate(`{"vendorId":"v","data":${extra}}`, { protocol, message: "DataTransferRequest" }).valid).toBe(true);
        expect(referenceValidate(`{"status":"Accepted","data":${extra}}`, { protocol, message: "DataTransferResponse" }).valid).toBe(true);
      }
      expect(pairs(referenceValidate('{"vendorId":"v","customData":{"extra":1}}', { protocol, message: "DataTransferRequest" }).errors)).toEqual(["/customData required"]);
      expect(pairs(referenceValidate('{"vendorId":"v","customData":{"vendorId":1}}', { protocol, message: "DataTransferRequest" }).errors)).toEqual(["/customData/vendorId type"]);
      // every other object is closed
      expect(pairs(referenceValidate('{"vendorId":"v","extra":1}', { protocol, message: "DataTransferRequest" }).errors)).toEqual([" additionalProperties"]);
    }
  });

  it("tolerances apply to 2.x as to 1.6; errata tolerates nothing there", () => {
    const all = ["errata", "offsetlessTimestamps", "fractionalIntegers", "overlongStrings", "unknownProperties"];
    const text = te({ seqNo: 1.5, timestamp: "2024-05-17T14:32:05", zz: 1, transactionInfo: { transactionId: "t".repeat(37) } });
    const strict = referenceValidate(text, { protocol: "ocpp2.0.1" });
    expect(pairs(strict.errors).sort()).toEqual([" additionalProperties", "/seqNo type", "/timestamp format", "/transactionInfo/transactionId maxLength"].sort());
    const r = referenceValidate(text, { protocol: "ocpp2.0.1", tolerate: all });
    expect(r.valid).toBe(true);
    expect(r.tolerated.map((t) => t.tolerance).sort()).toEqual(["fractionalIntegers", "offsetlessTimestamps", "overlongStrings", "unknownProperties"]);
    // fractionalIntegers tolerates the type issue of a bounded integer, never its bound
    const b = referenceValidate(te({ numberOfPhasesUsed: -1.5 }), { protocol: "ocpp2.1", tolerate: all });
    expect(pairs(b.errors)).toEqual(["/numberOfPhasesUsed minimum"]);
    expect(b.tolerated).toEqual([{ instancePath: "/numberOfPhasesUsed", keyword: "type", tolerance: "fractionalIntegers" }]);
    const unit = `{"evseId":1,"meterValue":[{"timestamp":"${TS}","sampledValue":[{"value":1,"measurand":"Celsius"}]}]}`;
    expect(referenceValidate(unit, { protocol: "ocpp2.0.1", message: "MeterValuesRequest", tolerate: ["errata"] }).valid).toBe(false);
    // with tolerances, the one issue without allErrors is the first one not tolerated
    const first = referenceValidate(te({ seqNo: 1.5, eventType: "x" }), { protocol: "ocpp2.0.1", allErrors: false, tolerate: ["fractionalIntegers"] });
    expect(pairs(first.errors)).toEqual(["/eventType enum"]);
  });

  it("error codes per protocol", () => {
    expect(OCPP2_ERROR_CODE).toEqual({
      parse: "FormatViolation", additionalProperties: "ProtocolError", type: "TypeConstraintViolation", required: "OccurrenceConstraintViolation",
      minItems: "OccurrenceConstraintViolation", maxItems: "OccurrenceConstraintViolation", enum: "PropertyConstraintViolation", maxLength: "PropertyConstraintViolation",
      format: "PropertyConstraintViolation", multipleOf: "PropertyConstraintViolation", minimum: "PropertyConstraintViolation", maximum: "PropertyConstraintViolation",
    });
    expect(OCPP_ERROR_CODE.minItems).toBe("OccurenceConstraintViolation");
    expect(OCPP_ERROR_CODE.minimum).toBe("PropertyConstraintViolation");
    expect(ocppErrorCode("parse")).toBe("FormationViolation");
    expect(ocppErrorCode("parse", "ocpp2.1")).toBe("FormatViolation");
    expect(ocppErrorCode("additionalProperties", "ocpp2.0.1")).toBe("ProtocolError");
    expect(() => ocppErrorCode("nope")).toThrow(TypeError);
  });
});

/** The first node of a protocol's resolved schemas matching pred, with its message. @param {import("../protocols.mjs").Protocol} protocol @param {(n: any) => boolean} pred */
function resolveNode(protocol, pred) {
  for (const m of P.messageNamesOf(protocol)) for (const s of sites(messageSchema(m, protocol))) if (pred(s.node)) return { message: m, node: s.node, path: s.path };
  throw new Error("no such node");
}

describe("schema walk, OCPP 2.x", () => {
  it("$refs resolve into one shared node per definition; walkers see no $ref", () => {
    for (const protocol of /** @type {const} */ (["ocpp2.0.1", "ocpp2.1"])) {
      for (const m of P.messageNamesOf(protocol)) {
        const s = messageSchema(m, protocol);
        expect(JSON.stringify(s).includes('"$ref"'), m).toBe(false);
        expect(messageSchema(m, protocol)).toBe(s);
        for (const site of sites(s)) typeOf(site.node);
      }
    }
    const s = messageSchema("TransactionEventRequest", "ocpp2.0.1");
    expect(definitionName(s.properties.customData)).toBe("CustomDataType");
    expect(s.properties.customData).toBe(s.properties.transactionInfo.properties.customData);
    expect(isOpenObject(s.properties.customData)).toBe(true);
    expect(isOpenObject(s)).toBe(false);
    expect(typeOf(messageSchema("DataTransferRequest", "ocpp2.0.1").properties.data)).toBe("any");
    expect(() => resolveRefs({ definitions: { A: { type: "object", properties: { a: { $ref: "#/definitions/A" } } } }, properties: { a: { $ref: "#/definitions/A" } } })).toThrow(/cyclic/);
    expect(() => resolveRefs({ definitions: { A: { type: "string" } }, properties: { a: { $ref: "#/definitions/A", maxLength: 3 } } })).toThrow(/beside/);
    expect(() => resolveRefs({ properties: { a: { $ref: "other.json#/x" } } })).toThrow(/unsupported/);
  });

  it("minimal and full values and payloadFor are valid for every message of every protocol; invalidPayloadFor is not", () => {
    for (const protocol of PROTOCOLS) {
      for (const m of P.messageNamesOf(protocol)) {
        const s = messageSchema(m, protocol);
        expect(referenceValidateValue(valueOf(s, "minimal"), { message: m, protocol }).errors, `${protocol} ${m} minimal`).toEqual([]);
        expect(referenceValidateValue(valueOf(s, "full", 2), { message: m, protocol }).errors, `${protocol} ${m} full`).toEqual([]);
        if (protocol === "ocpp1.6") continue;
        for (const size of /** @type {const} */ (["small", "medium", "large"])) expect(referenceValidate(payloadFor(m, { size, protocol }), { message: m, protocol }).errors, `${protocol} ${m} ${size}`).toEqual([]);
        expect(referenceValidate(invalidPayloadFor(m, protocol), { message: m, protocol }).valid, `${protocol} ${m}`).toBe(false);
      }
    }
    const batch = mixedBatchFor("TransactionEventRequest", 400, 42, "ocpp2.0.1");
    const invalid = batch.filter((t) => !referenceValidate(t, { protocol: "ocpp2.0.1" }).valid).length;
    expect(invalid).toBeGreaterThan(5);
    expect(invalid).toBeLessThan(50);
  });
});

describe("frame reference, OCPP 2.x", () => {
  const call = (/** @type {string} */ action, /** @type {string} */ payload, type = 2) => `[${type},"u-1","${action}",${payload}]`;

  it("a valid TransactionEvent CALL; payload codes of 2.x; the 2.x description", () => {
    for (const protocol of /** @type {const} */ (["ocpp2.0.1", "ocpp2.1"])) {
      const ok = referenceValidateFrame(call("TransactionEvent", te({})), { protocol });
      expect(ok).toMatchObject({ kind: "call", uniqueId: "u-1", action: "TransactionEvent", valid: true, errors: [], callError: null });
      const unknown = referenceValidateFrame(call("TransactionEvent", te({ zz: 1 })), { protocol });
      expect(unknown.callError).toEqual({
        errorCode: "ProtocolError", errorDescription: "Payload is not a valid TransactionEventRequest: (root) additionalProperties",
        frame: '[4,"u-1","ProtocolError","Payload is not a valid TransactionEventRequest: (root) additionalProperties",{"issues":[{"instancePath":"","keyword":"additionalProperties"}]}]',
      });
      expect(referenceValidateFrame(call("TransactionEvent", "{}"), { protocol }).callError?.errorCode).toBe("OccurrenceConstraintViolation");
      expect(referenceValidateFrame(call("TransactionEvent", te({ meterValue: [] })), { protocol }).callError?.errorCode).toBe("OccurrenceConstraintViolation");
      expect(referenceValidateFrame(call("TransactionEvent", te({ seqNo: "1" })), { protocol }).callError?.errorCode).toBe("TypeConstraintViolation");
      expect(referenceValidateFrame(call("TransactionEvent", te({ eventType: "x" })), { protocol }).callError?.errorCode).toBe("PropertyConstraintViolation");
      expect(payloadDescription([{ instancePath: "/a", keyword: "type" }], "BootNotification", protocol)).toBe("Payload is not a valid BootNotificationRequest: /a type");
    }
    expect(referenceValidateFrame(call("TransactionEvent", te({ seqNo: -1 })), { protocol: "ocpp2.1" }).callError?.errorCode).toBe("PropertyConstraintViolation");
  });

  it("NotImplemented, NotSupported, the 2.x envelope codes and descriptions", () => {
    const f = (/** @type {string} */ t, /** @type {import("../protocols.mjs").Protocol} */ protocol) => referenceValidateFrame(t, { protocol }).callError;
    expect(f(call("StopTransaction", "{}"), "ocpp2.0.1")).toMatchObject({ errorCode: "NotImplemented", errorDescription: "Action is not an OCPP 2.0.1 action" });
    expect(f(call("Foo", "{}"), "ocpp2.1")).toMatchObject({ errorCode: "NotImplemented", errorDescription: "Action is not an OCPP 2.1 action" });
    expect(f(call("TransactionEventRequest", "{}"), "ocpp2.1")?.errorCode).toBe("NotImplemented");
    expect(f(call("RequestStartTransaction", "[1]"), "ocpp2.0.1")).toMatchObject({ errorCode: "NotSupported", errorDescription: "RequestStartTransaction is sent by a CSMS, not to it" });
    expect(f("{", "ocpp2.0.1")).toMatchObject({ errorCode: "FormatViolation", errorDescription: "Frame is not a valid UTF-8 JSON text" });
    expect(f("{}", "ocpp2.0.1")).toMatchObject({ errorCode: "RpcFrameworkError", errorDescription: "Frame is not a JSON array" });
    expect(f('["2","a"]', "ocpp2.0.1")).toMatchObject({ errorCode: "RpcFrameworkError", errorDescription: "Message type id is not a number" });
    expect(f('[2,1,"Heartbeat",{}]', "ocpp2.0.1")).toMatchObject({ errorCode: "RpcFrameworkError", errorDescription: "Unique id is not a string", frame: '[4,"1","RpcFrameworkError","Unique id is not a string",{}]' });
    expect(f(`[2,"${"u".repeat(37)}","Heartbeat",{}]`, "ocpp2.1")).toMatchObject({ errorCode: "RpcFrameworkError", errorDescription: "Unique id is longer than 36 characters" });
    expect(f('[2,"a",1,{}]', "ocpp2.1")).toMatchObject({ errorCode: "RpcFrameworkError", errorDescription: "Action is not a string" });
    expect(f('[2,"a","Heartbeat"]', "ocpp2.1")).toMatchObject({ errorCode: "RpcFrameworkError", errorDescription: "A CALL frame has exactly 4 elements" });
    expect(f('[4,"a","X","y",[]]', "ocpp2.0.1")).toMatchObject({ errorCode: "RpcFrameworkError", errorDescription: "Error details is not an object" });
    expect(f('[5,"a","X","y",{}]', "ocpp2.0.1")).toMatchObject({ errorCode: "MessageTypeNotSupported", errorDescription: "Message type id is not 2 (CALL), 3 (CALLRESULT) or 4 (CALLERROR)" });
    expect(f('[7,"a","X","y",{}]', "ocpp2.1")).toMatchObject({ errorCode: "MessageTypeNotSupported", errorDescription: "Message type id is not 2 (CALL), 3 (CALLRESULT), 4 (CALLERROR), 5 (CALLRESULTERROR) or 6 (SEND)" });
    // 1.6 keeps its codes
    expect(f('[7,"a"]', "ocpp1.6")?.errorCode).toBe("ProtocolError");
    expect(PROTOCOL_DESCRIPTIONS["ocpp1.6"].NOT_IMPLEMENTED).toBe("Action is not an OCPP 1.6 action");
  });

  it("2.1 CALLRESULTERROR and SEND: shape-checked, validated, never answered", () => {
    const o = { protocol: /** @type {const} */ ("ocpp2.1") };
    expect(referenceValidateFrame('[5,"r","GenericError","x",{"a":1}]', o)).toEqual({
      kind: "callresulterror", uniqueId: "r", action: null, payloadRange: [26, 33], valid: true, errors: [], tolerated: [], warnings: [], callError: null,
    });
    expect(referenceValidateFrame('[5,"r","GenericError","x"]', o).callError).toMatchObject({ errorCode: "RpcFrameworkError", errorDescription: "A CALLRESULTERROR frame has exactly 5 elements" });
    expect(referenceValidateFrame('[5,"r",1,"x",{}]', o).callError).toMatchObject({ errorCode: "RpcFrameworkError", errorDescription: "Error code is not a string" });
    const nps = payloadFor("NotifyPeriodicEventStream", { protocol: "ocpp2.1", size: "small" });
    expect(referenceValidateFrame(call("NotifyPeriodicEventStream", nps, 6), o)).toMatchObject({ kind: "send", action: "NotifyPeriodicEventStream", valid: true, callError: null });
    const bad = referenceValidateFrame(call("NotifyPeriodicEventStream", "{}", 6), o);
    expect(bad).toMatchObject({ kind: "send", valid: false, callError: null });
    expect(bad.errors.every((e) => e.keyword === "required")).toBe(true);
    expect(referenceValidateFrame(call("Foo", "{}", 6), o)).toMatchObject({ kind: "send", valid: false, errors: [], callError: null });
    expect(referenceValidateFrame(call("Reset", "[]", 6), o)).toMatchObject({ kind: "send", valid: false, errors: [], callError: null });
    expect(referenceValidateFrame(call("TransactionEvent", te({ seqNo: "x" }), 6), o)).toMatchObject({ kind: "send", valid: false, errors: [{ instancePath: "/seqNo", keyword: "type" }], callError: null });
    expect(referenceValidateFrame('[6,"s","NotifyPeriodicEventStream"]', o).callError).toMatchObject({ errorCode: "RpcFrameworkError", errorDescription: "A SEND frame has exactly 4 elements" });
    // a CALL of the SEND-only message is validated against it too
    expect(referenceValidateFrame(call("NotifyPeriodicEventStream", "{}"), o).callError?.errorDescription).toMatch(/^Payload is not a valid NotifyPeriodicEventStream: /);
  });

  it("CALLRESULT against <responseTo>Response of the protocol; responseTo is an action", () => {
    const r = referenceValidateFrame('[3,"r",{}]', { protocol: "ocpp2.0.1", responseTo: "BootNotification" });
    expect(r).toMatchObject({ kind: "callresult", valid: false, callError: null });
    expect(pairs(r.errors)).toEqual([" required", " required", " required"]);
    expect(referenceValidateFrame(`[3,"r",{"currentTime":"${TS}","interval":300,"status":"Accepted"}]`, { protocol: "ocpp2.1", responseTo: "BootNotification" }).valid).toBe(true);
    expect(() => referenceValidateFrame('[3,"r",{}]', { protocol: "ocpp2.0.1", responseTo: "BootNotificationRequest" })).toThrow(TypeError);
    expect(() => referenceValidateFrame('[3,"r",{}]', { protocol: "ocpp2.1", responseTo: "NotifyPeriodicEventStream" })).toThrow(TypeError);
    expect(() => referenceValidateFrame('[3,"r",{}]', { protocol: "ocpp2.0.1", responseTo: "StopTransaction" })).toThrow(TypeError);
  });
});
