// The typia peer for Heartbeat.req: the schema (Heartbeat.json) is an object without properties and
// `additionalProperties: false`, which a typia user writes as an empty interface.
import typia from "typia";

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface HeartbeatRequest {}

/** JSON text → parsed value or null (typia.json.isParse: parse, then `is`). */
export const isParse = typia.json.createIsParse<HeartbeatRequest>();
/** Already-parsed value → boolean, rejecting unknown properties (closest to additionalProperties:false). */
export const equals = typia.createEquals<HeartbeatRequest>();
/** Already-parsed value → boolean, unknown properties allowed (what isParse runs after JSON.parse). */
export const is = typia.createIs<HeartbeatRequest>();
