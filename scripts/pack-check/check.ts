// Compiled by pack-check.sh with the strict tsconfig.json below, against the installed package's
// declarations (skipLibCheck off): the README's API lines, the narrowing the types promise, and the
// mistakes they exist to catch (each @ts-expect-error must be a real error, or tsc fails).
import { createValidator, init, MESSAGE_NAMES, type BackendFallback, type BootNotificationResponse, type MessageName, type MeterValues, type ValidationIssue } from "ocpp-validate";
import { nodeCandidates, type Backend } from "ocpp-validate/internal";

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

// @ts-expect-error an unknown message name
v.isValid(text, { message: "NoSuchMessage" });
// @ts-expect-error a number is neither JSON text nor a parsed object
v.isValid(42);
// @ts-expect-error responseTo is an action, not a response
v.validateFrame(text, { responseTo: "BootNotificationResponse" });
// @ts-expect-error only a CALL is sure to have an action
const unsure: string = f.action;
void unsure;
