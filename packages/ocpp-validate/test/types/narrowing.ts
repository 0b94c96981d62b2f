// Compiled by test/types.test.ts with `tsc --strict --noEmit`: must type-check as it is.
import { createValidator, MESSAGE_NAMES, TOLERANCES, type BootNotification, type MessageName, type MeterValues, type Tolerance, type ToleratedIssue, type ValidationWarning, type WarningKind } from "ocpp-validate";

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
// Tolerances and warnings: names, results, and narrowing only where the verdict is strict.
const names16: readonly Tolerance[] = TOLERANCES;
const tolerant = createValidator({ tolerate: ["errata", "offsetlessTimestamps"] });
const defaults: readonly Tolerance[] = tolerant.tolerate;
const lenient: boolean = tolerant.isValid(parsed, { message: "MeterValues" });
const checked = tolerant.validate(text, { tolerate: [], allErrors: true });
const accepted: ToleratedIssue[] = checked.tolerated;
if (accepted.length > 0) {
  const why: Tolerance = accepted[0]!.tolerance;
  const where: string = accepted[0]!.instancePath;
  void why, where;
}
const hidden: ValidationWarning[] = checked.warnings;
if (hidden.length > 0) {
  const kind: WarningKind = hidden[0]!.warning;
  void kind;
}
if (v.isValid(parsed, { message: "MeterValues", tolerate: [] })) {
  const strictly: MeterValues = parsed;
  void strictly;
}
const tolerantFrame = v.validateFrame(text, { tolerate: ["unknownProperties"] });
if (tolerantFrame.kind === "call") {
  const deviations: ToleratedIssue[] = tolerantFrame.tolerated;
  void deviations;
} else if (tolerantFrame.kind === "invalid") {
  const none: [] = tolerantFrame.tolerated;
  void none;
}
void names16, defaults, lenient;
