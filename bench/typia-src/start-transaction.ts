// The typia peer for StartTransaction.req (used in the mixed-session batch): a hand-written interface
// from the OCPP 1.6 JSON schema (StartTransaction.json) with typia's own tags.
import typia, { tags } from "typia";

export interface StartTransactionRequest {
  connectorId: number & tags.Type<"int64">;
  idTag: string & tags.MaxLength<20>;
  meterStart: number & tags.Type<"int64">;
  reservationId?: number & tags.Type<"int64">;
  timestamp: string & tags.Format<"date-time">;
}

/** JSON text → parsed value or null (typia.json.isParse: parse, then `is`). */
export const isParse = typia.json.createIsParse<StartTransactionRequest>();
/** Already-parsed value → boolean, rejecting unknown properties (closest to additionalProperties:false). */
export const equals = typia.createEquals<StartTransactionRequest>();
/** Already-parsed value → boolean, unknown properties allowed (what isParse runs after JSON.parse). */
export const is = typia.createIs<StartTransactionRequest>();
