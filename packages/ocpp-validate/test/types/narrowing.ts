// Compiled by test/types.test.ts with `tsc --strict --noEmit`: must type-check as it is.
import { createValidator, MESSAGE_NAMES, type BootNotification, type MessageName, type MeterValues } from "ocpp-validate";

const v = createValidator();
const parsed: object = JSON.parse('{"connectorId":1,"meterValue":[]}');
if (v.isValid(parsed, { message: "MeterValues" })) {
  const narrowed: MeterValues = parsed;
  const connector: number = narrowed.connectorId;
  void connector;
}
const boot = createValidator({ message: "BootNotification" });
const value: object = {};
if (boot.isValid(value)) {
  const vendor: string = (value satisfies BootNotification).chargePointVendor;
  void vendor;
}
const text = '{"status":"Accepted"}';
const verdict: boolean = v.isValid(text, { message: "AuthorizeResponse" });
const names: readonly MessageName[] = MESSAGE_NAMES;
void verdict;
void names;
const frame = v.validateFrame(text, { responseTo: "BootNotification" });
if (frame.kind === "call") {
  const action: string = frame.action;
  const range: [number, number] = frame.payloadRange;
  void action, range;
} else if (frame.kind === "invalid") {
  const answer: string = frame.callError.frame;
  void answer;
}
const result = v.validate(text);
if (!result.valid) {
  const keyword: string = result.errors[0].keyword;
  void keyword;
}
