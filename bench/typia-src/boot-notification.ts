// The typia peer for BootNotification.req: a hand-written interface from the OCPP 1.6 JSON schema
// (BootNotification.json) with typia's own tags, the way stop-transaction.ts is written.
import typia, { tags } from "typia";

export interface BootNotificationRequest {
  chargePointVendor: string & tags.MaxLength<20>;
  chargePointModel: string & tags.MaxLength<20>;
  chargePointSerialNumber?: string & tags.MaxLength<25>;
  chargeBoxSerialNumber?: string & tags.MaxLength<25>;
  firmwareVersion?: string & tags.MaxLength<50>;
  iccid?: string & tags.MaxLength<20>;
  imsi?: string & tags.MaxLength<20>;
  meterType?: string & tags.MaxLength<25>;
  meterSerialNumber?: string & tags.MaxLength<25>;
}

/** JSON text → parsed value or null (typia.json.isParse: parse, then `is`). */
export const isParse = typia.json.createIsParse<BootNotificationRequest>();
/** Already-parsed value → boolean, rejecting unknown properties (closest to additionalProperties:false). */
export const equals = typia.createEquals<BootNotificationRequest>();
/** Already-parsed value → boolean, unknown properties allowed (what isParse runs after JSON.parse). */
export const is = typia.createIs<BootNotificationRequest>();
