// typia input: `typia generate --input src/js/typia-input --output src/js/generated --project tsconfig.json`
// turns the typia.* call below into plain TypeScript in src/js/generated/equals.ts (no runtime dependency on typia).
// The custom tags in ../types.generated.ts emit calls to __ocpp_isDateTime / __ocpp_maxLengthOk, which are
// imported here so that they are in scope in the generated file.
import typia from "typia";
import { isDateTime as __ocpp_isDateTime, maxLengthOk as __ocpp_maxLengthOk } from "../date-time.js";
import type { StopTransactionRequest } from "../types.generated.js";

/** Keeps the helper imports alive before typia inlines the calls that use them. */
export const helpers = [__ocpp_isDateTime, __ocpp_maxLengthOk] as const;

/** Boolean path: exact property set (additionalProperties: false everywhere), ajv-equivalent tags. */
export const equals = typia.createEquals<StopTransactionRequest>();
