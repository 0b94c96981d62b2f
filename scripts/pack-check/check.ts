// Compiled by pack-check.sh with the strict tsconfig.json below, against the installed package's
// declarations (skipLibCheck off): the README's API lines, the narrowing the types promise, and the
// mistakes they exist to catch (each @ts-expect-error must be a real error, or tsc fails).
import { createValidator, init, MESSAGE_NAMES, type BackendFallback, type BootNotificationResponse, type MessageName, type MeterValues, type ValidationIssue } from "ocpp-validate";
import { nodeCandidates, type Backend } from "ocpp-validate/internal";
import { PROTOCOLS, type FrameValidationResult, type Protocol } from "ocpp-validate";
import { STATION_ACTIONS, type BootNotificationRequest, type MessageName as Name201, type TransactionEventRequest } from "ocpp-validate/ocpp2.0.1";
import type { NotifyPeriodicEventStream } from "ocpp-validate/ocpp2.1";
import type { StopTransaction } from "ocpp-validate/ocpp1.6";

declare const buffer: Buffer;
declare const text: string;
declare const frameBytes: Uint8Array;
declare const ws: { send(data: string): void };

await init();
const v = createValidator({ onFallback: (f: BackendFallback) => console.warn(f.backend, f.reason) });
const fallbacks: readonly BackendFallback[] = v.fallbacks;
const names: readonly MessageName[] = MESSAGE_NAMES;
v.isValid(buffer);
v.isValid(buffer, { message: "MeterValues" });
const r = v.validate(text, { allErrors: true });
if (!r.valid) {
  const first: ValidationIssue = r.errors[0];
  void first.ocppErrorCode;
} else {
  const none: [] = r.errors;
  void none;
}
const parsed: object = JSON.parse(text);
if (v.isValid(parsed, { message: "MeterValues" })) {
  const narrowed: MeterValues = parsed;
  void narrowed.meterValue;
}
const boot = createValidator({ message: "BootNotificationResponse" });
if (boot.isValid(parsed)) {
  const status: BootNotificationResponse["status"] = parsed.status;
  void status;
}
const batch: Uint8Array = v.isValidBatch([buffer, text], { message: "Heartbeat" });
const f = v.validateFrame(frameBytes);
if (f.kind === "call") {
  const action: string = f.action;
  void action;
} else if (f.kind === "invalid") {
  ws.send(f.callError.frame);
}
if (f.callError) ws.send(f.callError.frame);
const backend: Backend["name"] = nodeCandidates[0]!.name;
void fallbacks, names, batch, backend;

// OCPP 2.0.1 and 2.1: names, narrowing and frames of the protocol (README, "Protocols").
const protocols: readonly Protocol[] = PROTOCOLS;
const stationActions: readonly string[] = STATION_ACTIONS;
const v201 = createValidator({ protocol: "ocpp2.0.1" });
const name201: Name201 = v201.message;
if (v201.isValid(parsed)) {
  const event: TransactionEventRequest = parsed;
  void event.seqNo;
}
if (v201.isValid(parsed, { message: "BootNotificationRequest" })) {
  const bootRequest: BootNotificationRequest = parsed;
  void bootRequest.chargingStation.vendorName;
}
const f201 = v201.validateFrame(frameBytes, { responseTo: "BootNotification" });
if (f201.callError) ws.send(f201.callError.frame);
const v21 = createValidator({ protocol: "ocpp2.1", message: "NotifyPeriodicEventStream" });
if (v21.isValid(parsed)) {
  const stream: NotifyPeriodicEventStream = parsed;
  void stream.data;
}
const f21 = v21.validateFrame(frameBytes);
if (f21.kind === "send") {
  const sendAction: string = f21.action;
  void sendAction;
}
declare const negotiated: Protocol;
const anyFrame: FrameValidationResult<Protocol> = createValidator({ protocol: negotiated }).validateFrame(frameBytes);
if (createValidator().isValid(parsed)) {
  const stop16: StopTransaction = parsed;
  void stop16;
}
void protocols, stationActions, name201, anyFrame;
// @ts-expect-error a 1.6 name is not a 2.0.1 message
v201.isValid(text, { message: "Heartbeat" });
// @ts-expect-error a 2.x name needs its protocol
createValidator({ message: "HeartbeatRequest" });
// @ts-expect-error a 1.6 frame is never a SEND
if (f.kind === "send") void f;

// @ts-expect-error an unknown message name
v.isValid(text, { message: "NoSuchMessage" });
// @ts-expect-error a number is neither JSON text nor a parsed object
v.isValid(42);
// @ts-expect-error responseTo is an action, not a response
v.validateFrame(text, { responseTo: "BootNotificationResponse" });
// @ts-expect-error only a CALL is sure to have an action
const unsure: string = f.action;
void unsure;
