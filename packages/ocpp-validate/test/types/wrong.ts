// Compiled by test/types.test.ts: every marked line must be a type error.
import { createValidator, type MeterValues } from "ocpp-validate";

const v = createValidator();
v.isValid("{}", { message: "NoSuchMessage" }); // error: unknown message name
const parsed: object = {};
if (v.isValid(parsed, { message: "Heartbeat" })) {
  const wrong: MeterValues = parsed; // error: a Heartbeat is not a MeterValues
  void wrong;
}
v.validateFrame("[]", { responseTo: "BootNotificationResponse" }); // error: responseTo is an action
v.isValid(42); // error: a number is neither JSON text nor a parsed object
const f = v.validateFrame("[]");
const action: string = f.action; // error: only a CALL is sure to have an action
void action;
v.isValid("{}", { tolerate: ["celsius"] }); // error: unknown tolerance name
createValidator({ tolerate: ["errata", "everything"] }); // error: unknown tolerance name
const lenient = createValidator({ tolerate: ["fractionalIntegers"] });
if (lenient.isValid(parsed, { message: "MeterValues" })) {
  const unsure: MeterValues = parsed; // error: a tolerant verdict does not narrow
  void unsure;
}
if (v.isValid(parsed, { message: "MeterValues", tolerate: ["errata"] })) {
  const unsure: MeterValues = parsed; // error: nor does a strict validator's tolerant call
  void unsure;
}
const bad = v.validateFrame("[]");
if (bad.kind === "invalid") {
  const w: string = bad.warnings[0].message; // error: an invalid frame has no warnings
  void w;
}
