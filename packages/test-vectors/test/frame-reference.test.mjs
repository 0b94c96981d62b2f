// The frame reference on hand-checked frames (expectations written out by hand from SEMANTICS.md).
import { describe, it, expect } from "vitest";
import { referenceValidateFrame, ACTIONS, CHARGE_POINT_ACTIONS, CENTRAL_SYSTEM_ACTIONS, DESCRIPTIONS, payloadDescription } from "../frame-reference.mjs";

const TS = "2024-05-17T14:32:05Z";

describe("frame reference", () => {
  it("action lists", () => {
    expect(ACTIONS.length).toBe(28);
    expect(CHARGE_POINT_ACTIONS.length).toBe(10);
    expect(CENTRAL_SYSTEM_ACTIONS.length).toBe(18);
    expect([...CHARGE_POINT_ACTIONS, ...CENTRAL_SYSTEM_ACTIONS].sort()).toEqual([...ACTIONS]);
    for (const a of ["Reset", "RemoteStartTransaction", "ChangeAvailability", "TriggerMessage"]) expect(CENTRAL_SYSTEM_ACTIONS).toContain(a);
  });

  it("a valid Heartbeat CALL", () => {
    expect(referenceValidateFrame('[2, "hb-1", "Heartbeat", {} ]')).toEqual({
      kind: "call", uniqueId: "hb-1", action: "Heartbeat", payloadRange: [25, 27], valid: true, errors: [], tolerated: [], warnings: [], callError: null,
    });
  });

  it("a BootNotification CALL missing chargePointModel, with an unknown key", () => {
    const text = '[2,"b1","BootNotification",{"chargePointVendor":"V","zz":1}]';
    const issues = [{ instancePath: "", keyword: "additionalProperties" }, { instancePath: "", keyword: "required" }];
    const description = "Payload is not a valid BootNotification.req: (root) additionalProperties; (root) required";
    expect(referenceValidateFrame(text)).toEqual({
      kind: "call", uniqueId: "b1", action: "BootNotification", payloadRange: [27, 59], valid: false, errors: issues,
      tolerated: [], warnings: [], callError: { errorCode: "FormationViolation", errorDescription: description, frame: `[4,"b1","FormationViolation","${description}",{"issues":${JSON.stringify(issues)}}]` },
    });
    const first = referenceValidateFrame(text, { allErrors: false });
    expect(first.errors).toEqual([issues[0]]);
    expect(first.callError?.errorDescription).toBe("Payload is not a valid BootNotification.req: (root) additionalProperties");
  });

  it("NotSupported for a Central System action, NotImplemented for an unknown one (payload not validated)", () => {
    expect(referenceValidateFrame('[2,"r","Reset",[1,2]]')).toEqual({
      kind: "call", uniqueId: "r", action: "Reset", payloadRange: [15, 20], valid: false, errors: [],
      tolerated: [], warnings: [], callError: { errorCode: "NotSupported", errorDescription: "Reset is sent by a Central System, not to it", frame: '[4,"r","NotSupported","Reset is sent by a Central System, not to it",{}]' },
    });
    expect(referenceValidateFrame('[2,"r","RemoteStartTransaction",{}]').callError?.errorCode).toBe("NotSupported");
    expect(referenceValidateFrame('[2,"f","Foo",{}]')).toEqual({
      kind: "call", uniqueId: "f", action: "Foo", payloadRange: [13, 15], valid: false, errors: [],
      tolerated: [], warnings: [], callError: { errorCode: "NotImplemented", errorDescription: "Action is not an OCPP 1.6 action", frame: '[4,"f","NotImplemented","Action is not an OCPP 1.6 action",{}]' },
    });
  });

  it("CALLRESULT: syntax only without responseTo; validated against <responseTo>Response with it", () => {
    const text = `[3,"bn-1",{"currentTime":"${TS}","status":"Accepted"}]`;
    expect(referenceValidateFrame(text)).toEqual({ kind: "callresult", uniqueId: "bn-1", action: null, payloadRange: [10, 68], valid: true, errors: [], tolerated: [], warnings: [], callError: null });
    expect(referenceValidateFrame(text, { responseTo: "BootNotification" })).toEqual({
      kind: "callresult", uniqueId: "bn-1", action: null, payloadRange: [10, 68], valid: false, errors: [{ instancePath: "", keyword: "required" }], tolerated: [], warnings: [], callError: null,
    });
    expect(referenceValidateFrame(`[3,"bn-1",{"currentTime":"${TS}","interval":300,"status":"Accepted"}]`, { responseTo: "BootNotification" }).valid).toBe(true);
    expect(() => referenceValidateFrame(text, { responseTo: "BootNotificationResponse" })).toThrow(TypeError);
    expect(() => referenceValidateFrame(text, { responseTo: "Foo" })).toThrow(/Foo/);
  });

  it("CALLRESULT and CALLERROR shape errors are ProtocolError; uniqueId > 36 for every kind", () => {
    const pe = (/** @type {string} */ text, /** @type {string} */ description, /** @type {string | null} */ uniqueId) => {
      expect(referenceValidateFrame(text), text).toEqual({
        kind: "invalid", uniqueId, action: null, payloadRange: null, valid: false, errors: [],
        tolerated: [], warnings: [], callError: { errorCode: "ProtocolError", errorDescription: description, frame: JSON.stringify([4, uniqueId ?? "-1", "ProtocolError", description, {}]) },
      });
    };
    pe('[3,"a"]', DESCRIPTIONS.CALLRESULT_WRONG_LENGTH, "a");
    pe('[3,"a",{},{}]', "A CALLRESULT frame has exactly 3 elements", "a");
    pe("[3,1,{}]", "Unique id is not a string", "1");
    pe("[3,null,{}]", "Unique id is not a string", null);
    pe(`[3,"${"x".repeat(37)}",{}]`, "Unique id is longer than 36 characters", "x".repeat(37));
    pe(`[4,"${"x".repeat(37)}","GenericError","",{}]`, "Unique id is longer than 36 characters", "x".repeat(37));
    pe('[4,"e","GenericError",""]', "A CALLERROR frame has exactly 5 elements", "e");
    pe('[4,"e",1,"",{}]', "Error code is not a string", "e");
    pe('[4,"e","GenericError",null,{}]', "Error description is not a string", "e");
    pe('[4,"e","GenericError","",[]]', "Error details is not an object", "e");
    pe('[4,"e","GenericError","",null]', "Error details is not an object", "e");
  });

  it("a well-formed CALLERROR; payload ranges are UTF-8 byte offsets without surrounding whitespace", () => {
    expect(referenceValidateFrame('[4, "é", "GenericError", "ü" ,  {"a":1}  ]')).toEqual({
      kind: "callerror", uniqueId: "é", action: null, payloadRange: [34, 41], valid: true, errors: [], tolerated: [], warnings: [], callError: null,
    });
  });

  it("payloadDescription lists at most 8 issues", () => {
    const issues = Array.from({ length: 10 }, (_, i) => ({ instancePath: `/k${i}`, keyword: "type" }));
    expect(payloadDescription(issues, "MeterValues")).toBe(`Payload is not a valid MeterValues.req: ${issues.slice(0, 8).map((i) => `${i.instancePath} type`).join("; ")}; and 2 more`);
    expect(payloadDescription([{ instancePath: "", keyword: "required" }])).toBe("Payload is not a valid StopTransaction.req: (root) required");
  });
});
