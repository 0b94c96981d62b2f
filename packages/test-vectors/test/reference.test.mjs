// The reference itself: message selection, the decimal multipleOf (against hand-computed answers and
// against stock ajv), and the ajv behaviours the contract relies on.
import { describe, it, expect } from "vitest";
import { readdirSync } from "node:fs";
import {
  MESSAGE_NAMES, REQUEST_NAMES, DEFAULT_MESSAGE, schemaDir, schema, schemaPath, schemaFor, schemaPathFor, checkMessageName,
  referenceValidate, referenceValidateValue, compileReference, createAjv, createStockAjv, decimalOf, isDecimalMultiple, OCPP_ERROR_CODE,
} from "../reference.mjs";
import { SCHEMA_NAMES } from "../schemas.mjs";

const LIMIT_PATH = "/csChargingProfiles/chargingSchedule/chargingSchedulePeriod/0/limit";
/** SetChargingProfile with chargingSchedulePeriod[0].limit = `limit` (raw JSON text). */
const setChargingProfile = (/** @type {string} */ limit) =>
  `{"connectorId":1,"csChargingProfiles":{"chargingProfileId":1,"stackLevel":0,"chargingProfilePurpose":"TxProfile","chargingProfileKind":"Absolute","chargingSchedule":{"chargingRateUnit":"A","chargingSchedulePeriod":[{"startPeriod":0,"limit":${limit}}]}}}`;

describe("messages", () => {
  it("MESSAGE_NAMES: the 56 schema file stems, sorted in code-unit order", () => {
    const stems = readdirSync(schemaDir).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5));
    expect(MESSAGE_NAMES.length).toBe(56);
    expect([...MESSAGE_NAMES]).toEqual([...stems].sort());
    expect([...MESSAGE_NAMES]).toEqual([...MESSAGE_NAMES].sort());
    expect(Object.isFrozen(MESSAGE_NAMES)).toBe(true);
    expect([...SCHEMA_NAMES]).toEqual([...MESSAGE_NAMES]);
    expect(REQUEST_NAMES.length).toBe(28);
    for (const r of REQUEST_NAMES) expect(MESSAGE_NAMES).toContain(`${r}Response`);
    expect(DEFAULT_MESSAGE).toBe("StopTransaction");
  });

  it("schemaFor / schemaPathFor; the default-message exports are StopTransaction", () => {
    expect(schemaPathFor("BootNotification")).toMatch(/crates\/core\/schemas\/ocpp1\.6\/BootNotification\.json$/);
    expect(schemaFor("BootNotification").title).toBe("BootNotificationRequest");
    expect(schemaFor("BootNotificationResponse").title).toBe("BootNotificationResponse");
    expect(schemaFor()).toBe(schema);
    expect(schemaPathFor()).toBe(schemaPath);
    expect(schema.title).toBe("StopTransactionRequest");
    expect(Object.isFrozen(schemaFor("MeterValues").properties.meterValue.items)).toBe(true);
  });

  it("an unknown message name is a TypeError naming it and listing the known ones", () => {
    for (const bad of ["Foo", "bootNotification", "StopTransaction.req", "", "__proto__", "constructor"]) {
      const calls = [
        () => referenceValidate("{}", { message: bad }),
        () => referenceValidateValue({}, { message: bad }),
        () => schemaFor(bad),
        () => schemaPathFor(bad),
        () => compileReference({ message: bad }),
        () => checkMessageName(bad),
      ];
      for (const call of calls) {
        let error;
        try {
          call();
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(TypeError);
        expect(error.message).toContain(JSON.stringify(bad));
        for (const m of MESSAGE_NAMES) expect(error.message).toContain(m);
      }
    }
    expect(() => referenceValidate("{}", { message: /** @type {any} */ (42) })).toThrow(TypeError);
  });

  it("validates against the chosen message; no message = StopTransaction", () => {
    expect(referenceValidate("{}", { message: "Heartbeat" })).toEqual({ valid: true, errors: [], tolerated: [] });
    expect(referenceValidate('{"currentTime":"2024-05-17T14:32:05Z"}', { message: "HeartbeatResponse" }).valid).toBe(true);
    const boot = referenceValidate("{}", { message: "BootNotification" });
    expect(boot.errors.map((e) => e.message).sort()).toEqual(["must have required property 'chargePointModel'", "must have required property 'chargePointVendor'"]);
    expect(referenceValidate("{}").errors.length).toBe(3); // StopTransaction: transactionId, timestamp, meterStop
    expect(referenceValidate("{}", { allErrors: false }).errors.length).toBe(1);
    expect(referenceValidate('{"a":1}', { message: "Heartbeat" }).errors).toEqual([{ instancePath: "", keyword: "additionalProperties", message: "must NOT have additional properties" }]);
    expect(referenceValidate("[1", { message: "Heartbeat" }).errors[0].keyword).toBe("parse");
  });
});

describe("multipleOf: exact decimal arithmetic on String(x)", () => {
  it("decimalOf reads every String(x) form exactly", () => {
    expect(decimalOf(0.3)).toEqual({ digits: 3n, exp: -1 });
    expect(decimalOf(12)).toEqual({ digits: 12n, exp: 0 });
    expect(decimalOf(1e21)).toEqual({ digits: 1n, exp: 21 });
    expect(decimalOf(1e-7)).toEqual({ digits: 1n, exp: -7 });
    expect(decimalOf(1.5e300)).toEqual({ digits: 15n, exp: 299 });
    expect(decimalOf(-2.5e-8)).toEqual({ digits: 25n, exp: -9 });
    expect(decimalOf(5e-324)).toEqual({ digits: 5n, exp: -324 });
    expect(decimalOf(0.30000000000000004)).toEqual({ digits: 30000000000000004n, exp: -17 });
    expect(decimalOf(-0)).toEqual({ digits: 0n, exp: 0 });
    expect(decimalOf(Infinity)).toBe(null);
    expect(decimalOf(NaN)).toBe(null);
  });

  // [x, m, multiple?] worked out by hand on the decimal forms
  const TABLE = /** @type {[number, number, boolean][]} */ ([
    [0.3, 0.1, true], // 3/1
    [12, 0.1, true],
    [1e2, 0.1, true],
    [-0.5, 0.1, true],
    [0, 0.1, true],
    [-0, 0.1, true],
    [1e21, 0.1, true], // 10^22 / 1
    [0.7, 0.1, true],
    [1.5e300, 0.1, true],
    [0.35, 0.1, false], // 35 / 10
    [0.30000000000000004, 0.1, false], // 30000000000000004 / 10^16
    [1e-7, 0.1, false], // 1 / 10^6
    [5e-324, 0.1, false],
    [0.01, 0.1, false],
    [7.5, 2.5, true], // 75 / 25
    [8, 2.5, false], // 80 / 25
    [0.003, 0.001, true],
    [0.0035, 0.001, false],
    [9, 3, true],
    [10, 3, false],
    [1e21, 3, false], // 10^21 is not a multiple of 3
    [3e21, 3, true],
    [0.6, 0.2, true],
    [0.5, 0.2, false],
    [Infinity, 0.1, false],
  ]);
  it.each(TABLE)("isDecimalMultiple(%s, %s) = %s", (x, m, want) => {
    expect(isDecimalMultiple(x, m)).toBe(want);
  });

  // SetChargingProfile's limit: { type: number, multipleOf: 0.1 }, given as JSON text
  const TEXTS = /** @type {[string, boolean, boolean][]} */ ([
    // [limit text, reference valid, stock ajv valid]
    ["0.3", true, false], // stock: 0.3 / 0.1 = 2.9999999999999996
    ["0.7", true, false],
    ["12", true, true],
    ["1e2", true, true],
    ["-0.1", true, true],
    ["1e21", true, false], // stock: parseInt(1e22) is 1
    ["1e-1", true, true],
    ["100e-3", true, true], // the double 0.1
    ["0.30000000000000001", true, false], // the double 0.3
    ["0.35", false, false],
    ["0.30000000000000004", false, false],
    ["1e-7", false, false],
    ["5e-324", false, false],
  ]);
  it.each(TEXTS)("limit %s: reference %s, stock ajv %s", (text, want, stockWant) => {
    const r = referenceValidate(setChargingProfile(text), { message: "SetChargingProfile" });
    expect(r.valid).toBe(want);
    if (!want) expect(r.errors).toEqual([{ instancePath: LIMIT_PATH, keyword: "multipleOf", message: "must be multiple of 0.1" }]);
    const stock = createStockAjv({ allErrors: true }).compile(schemaFor("SetChargingProfile"));
    expect(stock(JSON.parse(setChargingProfile(text)))).toBe(stockWant);
  });

  it("stock ajv rejects 0.3 as a multiple of 0.1; the reference accepts it", () => {
    const stock = createStockAjv().compile({ type: "number", multipleOf: 0.1 });
    const ours = createAjv().compile({ type: "number", multipleOf: 0.1 });
    expect(stock(0.3)).toBe(false);
    expect(stock.errors?.[0]?.message).toBe("must be multiple of 0.1");
    expect(ours(0.3)).toBe(true);
    expect(ours(0.35)).toBe(false);
    expect(ours.errors?.[0]).toMatchObject({ keyword: "multipleOf", message: "must be multiple of 0.1", params: { multipleOf: 0.1 } });
  });

  it("like ajv's own, it applies to numbers only: a value failing `type` gets `type` alone (as stock ajv)", () => {
    for (const text of ["1e400", "-1e400", '"1"', '"0.35"', "true", "null", "[0.35]", '{"a":0.35}']) {
      const r = referenceValidate(setChargingProfile(text), { message: "SetChargingProfile" });
      expect(r.errors.map((e) => [e.instancePath, e.keyword]), text).toEqual([[LIMIT_PATH, "type"]]);
      const stock = createStockAjv({ allErrors: true }).compile(schemaFor("SetChargingProfile"));
      stock(JSON.parse(setChargingProfile(text)));
      expect(stock.errors?.map((e) => [e.instancePath, e.keyword]), text).toEqual([[LIMIT_PATH, "type"]]);
    }
    // without a type keyword, non-numbers are ignored by multipleOf (the keyword's type is number)
    const bare = createAjv({ allErrors: true }).compile({ multipleOf: 0.1 });
    for (const v of ["0.35", null, true, [], {}]) expect(bare(v)).toBe(true);
    expect(bare(0.35)).toBe(false);
    // strictNumbers: ajv's number keywords run only on FINITE numbers, so with no `type` an Infinity
    // passes multipleOf untouched, exactly as with ajv's own keyword (JSON gives Infinity for 1e400;
    // every OCPP multipleOf node also has type number, which reports it)
    expect(bare(Infinity)).toBe(true);
    expect(createStockAjv().compile({ multipleOf: 0.1 })(Infinity)).toBe(true);
  });

  it("multipleOf maps to PropertyConstraintViolation", () => {
    expect(OCPP_ERROR_CODE.multipleOf).toBe("PropertyConstraintViolation");
  });
});

describe("ajv behaviours the vectors pin", () => {
  it("additionalProperties:false on a string enum node: ignored for strings, applied to object values (stock ajv too)", () => {
    const status = (/** @type {string} */ v) => referenceValidate(`{"status":${v}}`, { message: "ResetResponse" }).errors.map((e) => [e.instancePath, e.keyword]);
    expect(status('"Accepted"')).toEqual([]);
    expect(status('"accepted"')).toEqual([["/status", "enum"]]);
    expect(status("1")).toEqual([["/status", "type"], ["/status", "enum"]]);
    expect(status("[1]")).toEqual([["/status", "type"], ["/status", "enum"]]);
    expect(status('{"a":1,"b":2,"a":3}')).toEqual([["/status", "type"], ["/status", "enum"], ["/status", "additionalProperties"], ["/status", "additionalProperties"]]);
    const stock = createStockAjv({ allErrors: true }).compile(schemaFor("ResetResponse"));
    stock({ status: { a: 1, b: 2 } });
    expect(stock.errors?.map((e) => e.keyword)).toEqual(["type", "enum", "additionalProperties", "additionalProperties"]);
  });

  it("type number (strictNumbers): 1e400 is Infinity, not a number; type boolean is true/false only", () => {
    const rate = (/** @type {string} */ v) =>
      referenceValidate(`{"status":"Accepted","chargingSchedule":{"chargingRateUnit":"W","chargingSchedulePeriod":[],"minChargingRate":${v}}}`, { message: "GetCompositeScheduleResponse" }).errors.map((e) => e.keyword);
    expect(rate("1.5")).toEqual([]);
    expect(rate("1e400")).toEqual(["type"]);
    expect(rate('"1"')).toEqual(["type"]);
    expect(rate("true")).toEqual(["type"]);
    const readonly = (/** @type {string} */ v) => referenceValidate(`{"configurationKey":[{"key":"K","readonly":${v}}]}`, { message: "GetConfigurationResponse" }).errors.map((e) => [e.instancePath, e.keyword, e.message]);
    expect(readonly("true")).toEqual([]);
    expect(readonly("false")).toEqual([]);
    for (const v of ["0", '"true"', "null"]) expect(readonly(v)).toEqual([["/configurationKey/0/readonly", "type", "must be boolean"]]);
  });

  it("format uri (ajv-formats 3 full)", () => {
    const uri = (/** @type {string} */ u) => referenceValidate(JSON.stringify({ location: u, retrieveDate: "2024-05-17T14:32:05Z" }), { message: "UpdateFirmware" }).valid;
    for (const u of ["ftp://a/b", "http://[::1]:80/x", "urn:isbn:123", "HTTP://A", "http://a/" + "p".repeat(991)]) expect(uri(u), u).toBe(true);
    for (const u of ["/a/b", "a b", "http://a%zz", ""]) expect(uri(u), u).toBe(false);
  });
});
