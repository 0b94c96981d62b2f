import { describe, expect, it } from "vitest";
import { issueSpan, lineColumn, locatePointer, utf16IndexOfByte } from "../src/locate.js";
import type { ValidationIssue } from "ocpp-validate";

const issue = (instancePath: string, keyword: string, message = ""): ValidationIssue => ({
  instancePath,
  keyword,
  message,
  ocppErrorCode: "FormationViolation",
});
const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

describe("locatePointer", () => {
  const text = '{\n  "idTag": "A",\n  "transactionData": [ {"sampledValue": [{"value": "1"}, {"value": 2, "unit": "kW/h"}]} ]\n}';

  it("follows objects and arrays to the value", () => {
    const at = locatePointer(text, "/transactionData/0/sampledValue/1/unit");
    expect(at.exact).toBe(true);
    expect(slice(text, at.value)).toBe('"kW/h"');
    expect(slice(text, at.key!)).toBe('"unit"');
  });

  it("spans whole containers and the root", () => {
    expect(slice(text, locatePointer(text, "/transactionData/0/sampledValue/0").value)).toBe('{"value": "1"}');
    expect(slice(text, locatePointer(text, "").value)).toBe(text);
  });

  it("decodes escaped member names and pointer escapes", () => {
    const t = '{"a/b": 1, "t~x": 2, "\\u0063": 3}';
    expect(slice(t, locatePointer(t, "/a~1b").value)).toBe("1");
    expect(slice(t, locatePointer(t, "/t~0x").value)).toBe("2");
    expect(slice(t, locatePointer(t, "/c").value)).toBe("3");
  });

  it("takes the last of duplicate keys, as JSON.parse does", () => {
    const t = '{"idTag": "first", "idTag": "second"}';
    expect(slice(t, locatePointer(t, "/idTag").value)).toBe('"second"');
  });

  it("is tolerant: broken text gives the deepest place it reached", () => {
    const t = '{"transactionData": [{"sampledValue": [{"value": ';
    const at = locatePointer(t, "/transactionData/0/sampledValue/3/value");
    expect(at.exact).toBe(false);
    expect(t.slice(at.value.start)).toBe('[{"value": ');
    expect(() => locatePointer("", "/a/b")).not.toThrow();
    expect(() => locatePointer("]]]}{", "/0")).not.toThrow();
  });

  it("offsets spans by the line start for NDJSON", () => {
    expect(locatePointer('{"a": 1}', "/a", 100).value).toEqual({ start: 106, end: 107 });
  });
});

describe("issueSpan", () => {
  const text = '{"idTag": "ABC", "extra": {"x": 1}, "meterStop": 5}';

  it("marks the member for additionalProperties and the brace for required", () => {
    expect(slice(text, issueSpan(text, issue("", "additionalProperties", 'has unknown property "extra"')))).toBe('"extra": {"x": 1}');
    expect(slice(text, issueSpan(text, issue("", "required", "must have required property 'timestamp'")))).toBe("{");
  });

  it("maps parse positions given in UTF-8 bytes to characters", () => {
    const t = '{"idTag": "é€😀",,}';
    const comma = t.indexOf(",,") + 1;
    const byte = new TextEncoder().encode(t.slice(0, comma)).length;
    expect(utf16IndexOfByte(t, byte)).toBe(comma);
    expect(slice(t, issueSpan(t, issue("", "parse", `unexpected ',' at byte ${byte}`)))).toBe(",");
    expect(slice(t, issueSpan(t, issue("", "parse", "unexpected end of input")))).toBe("}");
  });
});

it("lineColumn is 1-based", () => {
  expect(lineColumn("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
  expect(lineColumn("ab", 0)).toEqual({ line: 1, column: 1 });
});
