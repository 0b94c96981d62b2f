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
