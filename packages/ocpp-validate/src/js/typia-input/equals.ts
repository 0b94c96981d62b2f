// typia input: `typia generate --input src/js/typia-input --output src/js/generated --project tsconfig.json`
// turns the typia.* calls below into plain TypeScript in src/js/generated/equals.ts (no runtime dependency on typia).
// The custom tags in ../types.generated.ts emit calls to the __ocpp_* helpers, which are imported here so that
// they are in scope in the generated file. Written by scripts/gen-js-types.mjs --write-typia-input; checked by
// every run of it (one entry per schema, in message-index order).
import typia from "typia";
import { isDateTime as __ocpp_isDateTime, maxLengthOk as __ocpp_maxLengthOk } from "../date-time.js";
import { isMultipleOf as __ocpp_isMultipleOf } from "../multiple-of.js";
import { isUri as __ocpp_isUri } from "../uri.js";
import type * as M from "../types.generated.js";

/** Keeps the helper imports alive before typia inlines the calls that use them. */
export const helpers = [__ocpp_isDateTime, __ocpp_maxLengthOk, __ocpp_isMultipleOf, __ocpp_isUri] as const;

/** Boolean path, one validator per message, indexed by message index: exact property sets, ajv-equivalent tags. */
export const equals: ReadonlyArray<(input: unknown) => boolean> = [
  typia.createEquals<M.Authorize>(), // 0
  typia.createEquals<M.AuthorizeResponse>(), // 1
  typia.createEquals<M.BootNotification>(), // 2
  typia.createEquals<M.BootNotificationResponse>(), // 3
  typia.createEquals<M.CancelReservation>(), // 4
  typia.createEquals<M.CancelReservationResponse>(), // 5
  typia.createEquals<M.ChangeAvailability>(), // 6
  typia.createEquals<M.ChangeAvailabilityResponse>(), // 7
  typia.createEquals<M.ChangeConfiguration>(), // 8
  typia.createEquals<M.ChangeConfigurationResponse>(), // 9
  typia.createEquals<M.ClearCache>(), // 10
  typia.createEquals<M.ClearCacheResponse>(), // 11
  typia.createEquals<M.ClearChargingProfile>(), // 12
  typia.createEquals<M.ClearChargingProfileResponse>(), // 13
  typia.createEquals<M.DataTransfer>(), // 14
  typia.createEquals<M.DataTransferResponse>(), // 15
  typia.createEquals<M.DiagnosticsStatusNotification>(), // 16
  typia.createEquals<M.DiagnosticsStatusNotificationResponse>(), // 17
  typia.createEquals<M.FirmwareStatusNotification>(), // 18
  typia.createEquals<M.FirmwareStatusNotificationResponse>(), // 19
  typia.createEquals<M.GetCompositeSchedule>(), // 20
  typia.createEquals<M.GetCompositeScheduleResponse>(), // 21
  typia.createEquals<M.GetConfiguration>(), // 22
  typia.createEquals<M.GetConfigurationResponse>(), // 23
  typia.createEquals<M.GetDiagnostics>(), // 24
  typia.createEquals<M.GetDiagnosticsResponse>(), // 25
  typia.createEquals<M.GetLocalListVersion>(), // 26
  typia.createEquals<M.GetLocalListVersionResponse>(), // 27
  typia.createEquals<M.Heartbeat>(), // 28
  typia.createEquals<M.HeartbeatResponse>(), // 29
  typia.createEquals<M.MeterValues>(), // 30
  typia.createEquals<M.MeterValuesResponse>(), // 31
  typia.createEquals<M.RemoteStartTransaction>(), // 32
  typia.createEquals<M.RemoteStartTransactionResponse>(), // 33
  typia.createEquals<M.RemoteStopTransaction>(), // 34
  typia.createEquals<M.RemoteStopTransactionResponse>(), // 35
  typia.createEquals<M.ReserveNow>(), // 36
  typia.createEquals<M.ReserveNowResponse>(), // 37
  typia.createEquals<M.Reset>(), // 38
  typia.createEquals<M.ResetResponse>(), // 39
  typia.createEquals<M.SendLocalList>(), // 40
  typia.createEquals<M.SendLocalListResponse>(), // 41
  typia.createEquals<M.SetChargingProfile>(), // 42
  typia.createEquals<M.SetChargingProfileResponse>(), // 43
  typia.createEquals<M.StartTransaction>(), // 44
  typia.createEquals<M.StartTransactionResponse>(), // 45
  typia.createEquals<M.StatusNotification>(), // 46
  typia.createEquals<M.StatusNotificationResponse>(), // 47
  typia.createEquals<M.StopTransaction>(), // 48
  typia.createEquals<M.StopTransactionResponse>(), // 49
  typia.createEquals<M.TriggerMessage>(), // 50
  typia.createEquals<M.TriggerMessageResponse>(), // 51
  typia.createEquals<M.UnlockConnector>(), // 52
  typia.createEquals<M.UnlockConnectorResponse>(), // 53
  typia.createEquals<M.UpdateFirmware>(), // 54
  typia.createEquals<M.UpdateFirmwareResponse>(), // 55
];
