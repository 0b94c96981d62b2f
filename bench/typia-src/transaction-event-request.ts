// The typia peer for OCPP 2.0.1 TransactionEventRequest, hand-written from
// crates/core/schemas/ocpp2.0.1/TransactionEventRequest.json like the 1.6 peers: typia checks
// maxLength, date-time and integers only through its tags, which plain generated types lack.
// `$ref`s become named interfaces; `minItems: 1` is tags.MinItems<1>; integers are
// tags.Type<"int64"> as in 1.6.
import typia, { tags } from "typia";

/** The one open object of the 2.x schemas: no additionalProperties:false, so any other member. */
export interface CustomData {
  vendorId: string & tags.MaxLength<255>;
  [key: string]: unknown;
}

export type ChargingState = "Charging" | "EVConnected" | "SuspendedEV" | "SuspendedEVSE" | "Idle";
export type IdTokenEnum = "Central" | "eMAID" | "ISO14443" | "ISO15693" | "KeyCode" | "Local" | "MacAddress" | "NoAuthorization";
export type Location = "Body" | "Cable" | "EV" | "Inlet" | "Outlet";
export type Measurand =
  | "Current.Export"
  | "Current.Import"
  | "Current.Offered"
  | "Energy.Active.Export.Register"
  | "Energy.Active.Import.Register"
  | "Energy.Reactive.Export.Register"
  | "Energy.Reactive.Import.Register"
  | "Energy.Active.Export.Interval"
  | "Energy.Active.Import.Interval"
  | "Energy.Active.Net"
  | "Energy.Reactive.Export.Interval"
  | "Energy.Reactive.Import.Interval"
  | "Energy.Reactive.Net"
  | "Energy.Apparent.Net"
  | "Energy.Apparent.Import"
  | "Energy.Apparent.Export"
  | "Frequency"
  | "Power.Active.Export"
  | "Power.Active.Import"
  | "Power.Factor"
  | "Power.Offered"
  | "Power.Reactive.Export"
  | "Power.Reactive.Import"
  | "SoC"
  | "Voltage";
export type Phase = "L1" | "L2" | "L3" | "N" | "L1-N" | "L2-N" | "L3-N" | "L1-L2" | "L2-L3" | "L3-L1";
export type ReadingContext =
  | "Interruption.Begin"
  | "Interruption.End"
  | "Other"
  | "Sample.Clock"
  | "Sample.Periodic"
  | "Transaction.Begin"
  | "Transaction.End"
  | "Trigger";
export type Reason =
  | "DeAuthorized"
  | "EmergencyStop"
  | "EnergyLimitReached"
  | "EVDisconnected"
  | "GroundFault"
  | "ImmediateReset"
  | "Local"
  | "LocalOutOfCredit"
  | "MasterPass"
  | "Other"
  | "OvercurrentFault"
  | "PowerLoss"
  | "PowerQuality"
  | "Reboot"
  | "Remote"
  | "SOCLimitReached"
  | "StoppedByEV"
  | "TimeLimitReached"
  | "Timeout";
export type TransactionEventEnum = "Ended" | "Started" | "Updated";
export type TriggerReason =
  | "Authorized"
  | "CablePluggedIn"
  | "ChargingRateChanged"
  | "ChargingStateChanged"
  | "Deauthorized"
  | "EnergyLimitReached"
  | "EVCommunicationLost"
  | "EVConnectTimeout"
  | "MeterValueClock"
  | "MeterValuePeriodic"
  | "TimeLimitReached"
  | "Trigger"
  | "UnlockCommand"
  | "StopAuthorized"
  | "EVDeparted"
  | "EVDetected"
  | "RemoteStop"
  | "RemoteStart"
  | "AbnormalCondition"
  | "SignedDataReceived"
  | "ResetCommand";

export interface AdditionalInfo {
  customData?: CustomData;
  additionalIdToken: string & tags.MaxLength<36>;
  type: string & tags.MaxLength<50>;
}

export interface EVSE {
  customData?: CustomData;
  id: number & tags.Type<"int64">;
  connectorId?: number & tags.Type<"int64">;
}

export interface IdToken {
  customData?: CustomData;
  additionalInfo?: AdditionalInfo[] & tags.MinItems<1>;
  idToken: string & tags.MaxLength<36>;
  type: IdTokenEnum;
}

export interface SignedMeterValue {
  customData?: CustomData;
  signedMeterData: string & tags.MaxLength<2500>;
  signingMethod: string & tags.MaxLength<50>;
  encodingMethod: string & tags.MaxLength<50>;
  publicKey: string & tags.MaxLength<2500>;
}

export interface UnitOfMeasure {
  customData?: CustomData;
  unit?: string & tags.MaxLength<20>;
  multiplier?: number & tags.Type<"int64">;
}

export interface SampledValue {
  customData?: CustomData;
  value: number;
  context?: ReadingContext;
  measurand?: Measurand;
  phase?: Phase;
  location?: Location;
  signedMeterValue?: SignedMeterValue;
  unitOfMeasure?: UnitOfMeasure;
}

export interface MeterValue {
  customData?: CustomData;
  sampledValue: SampledValue[] & tags.MinItems<1>;
  timestamp: string & tags.Format<"date-time">;
}

export interface Transaction {
  customData?: CustomData;
  transactionId: string & tags.MaxLength<36>;
  chargingState?: ChargingState;
  timeSpentCharging?: number & tags.Type<"int64">;
  stoppedReason?: Reason;
  remoteStartId?: number & tags.Type<"int64">;
}

export interface TransactionEventRequest {
  customData?: CustomData;
  eventType: TransactionEventEnum;
  meterValue?: MeterValue[] & tags.MinItems<1>;
  timestamp: string & tags.Format<"date-time">;
  triggerReason: TriggerReason;
  seqNo: number & tags.Type<"int64">;
  offline?: boolean;
  numberOfPhasesUsed?: number & tags.Type<"int64">;
  cableMaxCurrent?: number & tags.Type<"int64">;
  reservationId?: number & tags.Type<"int64">;
  transactionInfo: Transaction;
  evse?: EVSE;
  idToken?: IdToken;
}

/** JSON text → parsed value or null (typia.json.isParse: parse, then `is`). */
export const isParse = typia.json.createIsParse<TransactionEventRequest>();
/** Already-parsed value → boolean, rejecting unknown properties (closest to additionalProperties:false; CustomData's index signature keeps it open). */
export const equals = typia.createEquals<TransactionEventRequest>();
/** Already-parsed value → boolean, unknown properties allowed (what isParse runs after JSON.parse). */
export const is = typia.createIs<TransactionEventRequest>();
