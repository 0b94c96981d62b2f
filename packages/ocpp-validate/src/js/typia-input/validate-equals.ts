// typia input (see equals.ts). typia's own error report, used by tests as a cross-check only:
// its generated code imports typia/lib/internal/* at runtime, so the shipped backend does not import it.
import typia from "typia";
import { isDateTime as __ocpp_isDateTime, maxLengthOk as __ocpp_maxLengthOk } from "../date-time.js";
import type { StopTransactionRequest } from "../types.generated.js";

export const helpers = [__ocpp_isDateTime, __ocpp_maxLengthOk] as const;

export const validateEquals: (input: unknown) => typia.IValidation<StopTransactionRequest> =
  typia.createValidateEquals<StopTransactionRequest>();
