// typia input (see equals.ts). typia's own error report, used by tests as a cross-check only:
// its generated code imports typia/lib/internal/* at runtime, so the shipped backend does not import it.
import typia from "typia";
import { isDateTime as __ocpp_isDateTime, maxLengthOk as __ocpp_maxLengthOk } from "../date-time.js";
import { isMultipleOf as __ocpp_isMultipleOf } from "../multiple-of.js";
import { isUri as __ocpp_isUri } from "../uri.js";
import type * as M from "../types.generated.js";

/** Keeps the helper imports alive before typia inlines the calls that use them. */
export const helpers = [__ocpp_isDateTime, __ocpp_maxLengthOk, __ocpp_isMultipleOf, __ocpp_isUri] as const;

export const validateEquals: ReadonlyArray<(input: unknown) => typia.IValidation<unknown>> = [
  typia.createValidateEquals<M.Authorize>(), // 0
  typia.createValidateEquals<M.AuthorizeResponse>(), // 1
  typia.createValidateEquals<M.BootNotification>(), // 2
  typia.createValidateEquals<M.BootNotificationResponse>(), // 3
  typia.createValidateEquals<M.CancelReservation>(), // 4
  typia.createValidateEquals<M.CancelReservationResponse>(), // 5
  typia.createValidateEquals<M.ChangeAvailability>(), // 6
  typia.createValidateEquals<M.ChangeAvailabilityResponse>(), // 7
  typia.createValidateEquals<M.ChangeConfiguration>(), // 8
  typia.createValidateEquals<M.ChangeConfigurationResponse>(), // 9
  typia.createValidateEquals<M.ClearCache>(), // 10
  typia.createValidateEquals<M.ClearCacheResponse>(), // 11
  typia.createValidateEquals<M.ClearChargingProfile>(), // 12
  typia.createValidateEquals<M.ClearChargingProfileResponse>(), // 13
  typia.createValidateEquals<M.DataTransfer>(), // 14
  typia.createValidateEquals<M.DataTransferResponse>(), // 15
  typia.createValidateEquals<M.DiagnosticsStatusNotification>(), // 16
  typia.createValidateEquals<M.DiagnosticsStatusNotificationResponse>(), // 17
  typia.createValidateEquals<M.FirmwareStatusNotification>(), // 18
  typia.createValidateEquals<M.FirmwareStatusNotificationResponse>(), // 19
  typia.createValidateEquals<M.GetCompositeSchedule>(), // 20
  typia.createValidateEquals<M.GetCompositeScheduleResponse>(), // 21
  typia.createValidateEquals<M.GetConfiguration>(), // 22
  typia.createValidateEquals<M.GetConfigurationResponse>(), // 23
  typia.createValidateEquals<M.GetDiagnostics>(), // 24
  typia.createValidateEquals<M.GetDiagnosticsResponse>(), // 25
  typia.createValidateEquals<M.GetLocalListVersion>(), // 26
  typia.createValidateEquals<M.GetLocalListVersionResponse>(), // 27
  typia.createValidateEquals<M.Heartbeat>(), // 28
  typia.createValidateEquals<M.HeartbeatResponse>(), // 29
  typia.createValidateEquals<M.MeterValues>(), // 30
  typia.createValidateEquals<M.MeterValuesResponse>(), // 31
  typia.createValidateEquals<M.RemoteStartTransaction>(), // 32
  typia.createValidateEquals<M.RemoteStartTransactionResponse>(), // 33
  typia.createValidateEquals<M.RemoteStopTransaction>(), // 34
  typia.createValidateEquals<M.RemoteStopTransactionResponse>(), // 35
  typia.createValidateEquals<M.ReserveNow>(), // 36
  typia.createValidateEquals<M.ReserveNowResponse>(), // 37
  typia.createValidateEquals<M.Reset>(), // 38
  typia.createValidateEquals<M.ResetResponse>(), // 39
  typia.createValidateEquals<M.SendLocalList>(), // 40
  typia.createValidateEquals<M.SendLocalListResponse>(), // 41
  typia.createValidateEquals<M.SetChargingProfile>(), // 42
  typia.createValidateEquals<M.SetChargingProfileResponse>(), // 43
  typia.createValidateEquals<M.StartTransaction>(), // 44
  typia.createValidateEquals<M.StartTransactionResponse>(), // 45
  typia.createValidateEquals<M.StatusNotification>(), // 46
  typia.createValidateEquals<M.StatusNotificationResponse>(), // 47
  typia.createValidateEquals<M.StopTransaction>(), // 48
  typia.createValidateEquals<M.StopTransactionResponse>(), // 49
  typia.createValidateEquals<M.TriggerMessage>(), // 50
  typia.createValidateEquals<M.TriggerMessageResponse>(), // 51
  typia.createValidateEquals<M.UnlockConnector>(), // 52
  typia.createValidateEquals<M.UnlockConnectorResponse>(), // 53
  typia.createValidateEquals<M.UpdateFirmware>(), // 54
  typia.createValidateEquals<M.UpdateFirmwareResponse>(), // 55
];
