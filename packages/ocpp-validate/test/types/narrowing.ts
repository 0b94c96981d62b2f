// Compiled by test/types.test.ts with `tsc --strict --noEmit`: must type-check as it is.
import { createValidator, MESSAGE_NAMES, type BootNotification, type MessageName, type MeterValues } from "ocpp-validate";

const v = createValidator();
const parsed: unknown = JSON.parse('{"connectorId":1,"meterValue":[]}');
if (v.isValid(parsed, { message: "MeterValues" })) {
  const narrowed: MeterValues = parsed;
  const connector: number = narrowed.connectorId;
  void connector;
}
const boot = createValidator({ message: "BootNotification" });
const value: unknown = {};
if (boot.isValid(value)) {
  const vendor: string = (value satisfies BootNotification).chargePointVendor;
  void vendor;
}
const text = '{"status":"Accepted"}';
const verdict: boolean = v.isValid(text, { message: "AuthorizeResponse" });
const names: readonly MessageName[] = MESSAGE_NAMES;
void verdict;
void names;
v.validateFrame(text, { responseTo: "BootNotification" });
