// The typia peer for MeterValues.req, written the way stop-transaction.ts is: a hand-written interface
// from the OCPP 1.6 JSON schema (MeterValues.json) with typia's own tags. Self-contained on purpose
// (MeterValues' unit enum has "Celsius" beside "Celcius", StopTransaction's has not).
import typia, { tags } from "typia";

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
  | "Celsius"
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

export interface MeterValuesRequest {
  connectorId: number & tags.Type<"int64">;
  transactionId?: number & tags.Type<"int64">;
  meterValue: MeterValue[];
}

/** JSON text → parsed value or null (typia.json.isParse: parse, then `is`). */
export const isParse = typia.json.createIsParse<MeterValuesRequest>();
/** Already-parsed value → boolean, rejecting unknown properties (closest to additionalProperties:false). */
export const equals = typia.createEquals<MeterValuesRequest>();
/** Already-parsed value → boolean, unknown properties allowed (what isParse runs after JSON.parse). */
export const is = typia.createIs<MeterValuesRequest>();
