// Compiled by test/types.test.ts: every marked line must be a type error.
import { createValidator, type MeterValues } from "ocpp-validate";

const v = createValidator();
v.isValid("{}", { message: "NoSuchMessage" }); // error: unknown message name
const parsed: unknown = {};
if (v.isValid(parsed, { message: "Heartbeat" })) {
  const wrong: MeterValues = parsed; // error: a Heartbeat is not a MeterValues
  void wrong;
}
v.validateFrame("[]", { responseTo: "BootNotificationResponse" }); // error: responseTo is an action
