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
// OCPP 2.x: names, narrowing and responseTo are those of the validator's protocol.
const v201 = createValidator({ protocol: "ocpp2.0.1" });
v201.isValid("{}", { message: "Heartbeat" }); // error: a 1.6 name in 2.0.1
v201.validateFrame("[]", { responseTo: "HeartbeatRequest" }); // error: responseTo is an action
if (v201.isValid(parsed, { message: "HeartbeatRequest" })) {
  const wrong: MeterValues = parsed; // error: a 2.0.1 HeartbeatRequest is not a 1.6 MeterValues
  void wrong;
}
createValidator({ protocol: "ocpp2.0.1", message: "NotifyPeriodicEventStream" }); // error: a 2.1 message
createValidator({ protocol: "ocpp3" }); // error: unknown protocol
createValidator({ protocol: "ocpp2.1" }).validateFrame("[]", { responseTo: "NotifyPeriodicEventStream" }); // error: it has no response
createValidator({ message: "BootNotificationRequest" }); // error: a 2.x name without the protocol
const f16 = v.validateFrame("[]");
if (f16.kind === "send") void f16; // error: a 1.6 frame is never a SEND
