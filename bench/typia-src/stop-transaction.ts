// The typia peer: how a typical typia user would write the OCPP 1.6 StopTransaction.req type by hand
// (from the OCPP 1.6 JSON schema) and ask typia for validators. `typia generate` (bench/build.mjs)
// turns the typia.* calls into plain code in bench/typia-gen/.
//
// Deliberately NOT tuned to the reference semantics: typia's own `date-time` format, `int64` range
// and (for `is`) tolerance of unknown properties are what typia users get; the bench reports the
// resulting verdict differences as notes.
import typia, { tags } from "typia";

export type Reason =
  | "EmergencyStop"
  | "EVDisconnected"
  | "HardReset"
  | "Local"
  | "Other"
  | "PowerLoss"
  | "Reboot"
  | "Remote"
  | "SoftReset"
  | "UnlockCommand"
  | "DeAuthorized";

export type ReadingContext =
  | "Interruption.Begin"
  | "Interruption.End"
  | "Sample.Clock"
  | "Sample.Periodic"
  | "Transaction.Begin"
  | "Transaction.End"
  | "Trigger"
  | "Other";

export type ValueFormat = "Raw" | "SignedData";

export type Measurand =
  | "Energy.Active.Export.Register"
  | "Energy.Active.Import.Register"
  | "Energy.Reactive.Export.Register"
  | "Energy.Reactive.Import.Register"
  | "Energy.Active.Export.Interval"
  | "Energy.Active.Import.Interval"
  | "Energy.Reactive.Export.Interval"
  | "Energy.Reactive.Import.Interval"
  | "Power.Active.Export"
  | "Power.Active.Import"
  | "Power.Offered"
  | "Power.Reactive.Export"
  | "Power.Reactive.Import"
  | "Power.Factor"
  | "Current.Import"
  | "Current.Export"
  | "Current.Offered"
  | "Voltage"
  | "Frequency"
  | "Temperature"
  | "SoC"
  | "RPM";

export type Phase = "L1" | "L2" | "L3" | "N" | "L1-N" | "L2-N" | "L3-N" | "L1-L2" | "L2-L3" | "L3-L1";

export type Location = "Cable" | "EV" | "Inlet" | "Outlet" | "Body";

export type UnitOfMeasure =
  | "Wh"
  | "kWh"
  | "varh"
  | "kvarh"
  | "W"
  | "kW"
  | "VA"
  | "kVA"
  | "var"
  | "kvar"
  | "A"
  | "V"
  | "K"
  | "Celcius"
  | "Fahrenheit"
  | "Percent";

export interface SampledValue {
  value: string;
  context?: ReadingContext;
  format?: ValueFormat;
  measurand?: Measurand;
  phase?: Phase;
  location?: Location;
  unit?: UnitOfMeasure;
}

export interface MeterValue {
  timestamp: string & tags.Format<"date-time">;
  sampledValue: SampledValue[];
}

export interface StopTransactionRequest {
  idTag?: string & tags.MaxLength<20>;
  meterStop: number & tags.Type<"int64">;
  timestamp: string & tags.Format<"date-time">;
  transactionId: number & tags.Type<"int64">;
  reason?: Reason;
  transactionData?: MeterValue[];
}

/** JSON text → parsed value or null (typia.json.isParse: parse, then `is`). */
export const isParse = typia.json.createIsParse<StopTransactionRequest>();
/** Already-parsed value → boolean, rejecting unknown properties (closest to additionalProperties:false). */
export const equals = typia.createEquals<StopTransactionRequest>();
/** Already-parsed value → boolean, unknown properties allowed (what isParse runs after JSON.parse). */
export const is = typia.createIs<StopTransactionRequest>();
