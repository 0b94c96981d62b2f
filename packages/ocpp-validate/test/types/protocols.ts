// Compiled by test/types.test.ts with `tsc --strict --noEmit`: must type-check as it is. The 2.x
// validators narrow to their protocol's types, from the protocol subpaths.
import { createValidator, PROTOCOLS, type FrameValidationResult, type MessageNameOf, type PayloadOf, type Protocol, type ProtocolValidator } from "ocpp-validate";
import type { BootNotification } from "ocpp-validate";
import type * as V16 from "ocpp-validate/ocpp1.6";
import { MESSAGE_NAMES as NAMES_201, STATION_ACTIONS, type BootNotificationRequest, type MessageName as Name201, type TransactionEventRequest } from "ocpp-validate/ocpp2.0.1";
import { MESSAGE_NAMES as NAMES_21, type NotifyPeriodicEventStream, type MessageTypes as Types21 } from "ocpp-validate/ocpp2.1";

const protocols: readonly Protocol[] = PROTOCOLS;
const names201: readonly Name201[] = NAMES_201;
const stationActions: readonly string[] = STATION_ACTIONS;
void protocols, names201, stationActions, NAMES_21;

const v201 = createValidator({ protocol: "ocpp2.0.1" });
const p201: "ocpp2.0.1" = v201.protocol;
const d201: "TransactionEventRequest" = v201.message;
void p201, d201;
const parsed: object = JSON.parse("{}");
if (v201.isValid(parsed, { message: "BootNotificationRequest" })) {
  const boot: BootNotificationRequest = parsed;
  const vendor: string = boot.chargingStation.vendorName;
  void vendor;
}
if (v201.isValid(parsed)) {
  // the protocol's default message
  const event: TransactionEventRequest = parsed;
  const seqNo: number = event.seqNo;
  void seqNo;
}
const boot201 = createValidator({ protocol: "ocpp2.0.1", message: "BootNotificationRequest", backend: "js" });
if (boot201.isValid(parsed)) {
  const reason: BootNotificationRequest["reason"] = parsed.reason;
  void reason;
}
const frame201 = v201.validateFrame("[]", { responseTo: "RequestStartTransaction" });
if (frame201.kind === "call") {
  const code: string | undefined = frame201.callError?.errorCode;
  void code;
}

const v21 = createValidator({ protocol: "ocpp2.1", tolerate: [] });
if (v21.isValid(parsed, { message: "NotifyPeriodicEventStream" })) {
  const stream: NotifyPeriodicEventStream = parsed;
  const same: Types21["NotifyPeriodicEventStream"] = stream;
  void same;
}
const frame21 = v21.validateFrame("[]");
if (frame21.kind === "send") {
  const action: string = frame21.action;
  const none: null = frame21.callError;
  void action, none;
} else if (frame21.kind === "callresulterror") {
  const valid: true = frame21.valid;
  void valid;
}
// A tolerant 2.x validator answers, without narrowing.
const lenient = createValidator({ protocol: "ocpp2.1", tolerate: ["unknownProperties"] });
const ok: boolean = lenient.isValid(parsed, { message: "HeartbeatRequest" });
void ok;

// A protocol known only at run time (a negotiated subprotocol): every name of every protocol type-checks, and narrows to the union.
declare const negotiated: Protocol;
const any = createValidator({ protocol: negotiated });
if (any.isValid(parsed, { message: "BootNotificationResponse" })) {
  const status: string = parsed.status;
  void status;
}
const anyFrame: FrameValidationResult<Protocol> = any.validateFrame("[]");
const generic: ProtocolValidator = any;
void anyFrame, generic;
const names: MessageNameOf<"ocpp2.1">[] = ["TransactionEventRequest", "NotifyPeriodicEventStream"];
const payload: PayloadOf<"ocpp2.0.1", "BootNotificationRequest"> = { chargingStation: { model: "m", vendorName: "v" }, reason: "PowerUp" };
void names, payload;

// 1.6 is unchanged, with or without the protocol named.
const v16 = createValidator({ protocol: "ocpp1.6", message: "BootNotification" });
if (v16.isValid(parsed)) {
  const b: BootNotification = parsed;
  const same: V16.BootNotification = b;
  void same;
}
