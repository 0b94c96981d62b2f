// The typia peer for StatusNotification.req: a hand-written interface from the OCPP 1.6 JSON schema
// (StatusNotification.json) with typia's own tags, the way stop-transaction.ts is written.
import typia, { tags } from "typia";

export type ChargePointErrorCode =
  | "ConnectorLockFailure"
  | "EVCommunicationError"
  | "GroundFailure"
  | "HighTemperature"
  | "InternalError"
  | "LocalListConflict"
  | "NoError"
  | "OtherError"
  | "OverCurrentFailure"
  | "PowerMeterFailure"
  | "PowerSwitchFailure"
  | "ReaderFailure"
  | "ResetFailure"
  | "UnderVoltage"
  | "OverVoltage"
  | "WeakSignal";

export type ChargePointStatus =
  | "Available"
  | "Preparing"
  | "Charging"
  | "SuspendedEVSE"
  | "SuspendedEV"
  | "Finishing"
  | "Reserved"
  | "Unavailable"
  | "Faulted";

export interface StatusNotificationRequest {
  connectorId: number & tags.Type<"int64">;
  errorCode: ChargePointErrorCode;
  info?: string & tags.MaxLength<50>;
  status: ChargePointStatus;
  timestamp?: string & tags.Format<"date-time">;
  vendorId?: string & tags.MaxLength<255>;
  vendorErrorCode?: string & tags.MaxLength<50>;
}

/** JSON text → parsed value or null (typia.json.isParse: parse, then `is`). */
export const isParse = typia.json.createIsParse<StatusNotificationRequest>();
/** Already-parsed value → boolean, rejecting unknown properties (closest to additionalProperties:false). */
export const equals = typia.createEquals<StatusNotificationRequest>();
/** Already-parsed value → boolean, unknown properties allowed (what isParse runs after JSON.parse). */
export const is = typia.createIs<StatusNotificationRequest>();
