import type { CallErrorCode } from "./types.js";

/**
 * `[4,"<uniqueId>","<errorCode>","<errorDescription>",{details}]` as JSON text: the answer to any
 * CALL the application itself refuses (validateFrame already builds the answers for frames that fail
 * validation). `details` must be JSON-serialisable.
 */
export function buildCallError(uniqueId: string, errorCode: CallErrorCode, errorDescription = "", details: object = {}): string {
  return JSON.stringify([4, uniqueId, errorCode, errorDescription, details]);
}

/** `[3,"<uniqueId>",<payload>]` as JSON text: the answer to a valid CALL. */
export function buildCallResult(uniqueId: string, payload: object): string {
  return JSON.stringify([3, uniqueId, payload]);
}

const isWs = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * Backends report the payload range in UTF-8 bytes; for string input the caller wants indices
 * into the string. The start walks the (short) envelope; the end is found from the back, where a
 * CALL frame has only whitespace and `]` after its payload.
 */
export function byteRangeToStringRange(text: string, [startByte]: readonly [number, number]): [number, number] {
  let bytes = 0;
  let start = 0;
  while (bytes < startByte && start < text.length) {
    const c = text.charCodeAt(start);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(start + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      start++;
    } else bytes += 3;
    start++;
  }
  let end = text.length;
  while (end > start && isWs(text.charCodeAt(end - 1))) end--;
  end--;
  while (end > start && isWs(text.charCodeAt(end - 1))) end--;
  return [start, end];
}
