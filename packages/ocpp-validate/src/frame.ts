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
 * The string index at which the UTF-8 encoding of `text` reaches `byte` (text.length past the
 * end): backends count in bytes, callers holding a string want indices into it.
 */
export function utf16IndexOfByte(text: string, byte: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    if (bytes >= byte) return i;
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return text.length;
}

/**
 * Backends report the payload range in UTF-8 bytes; for string input the caller wants indices
 * into the string. The start walks the (short) envelope; the end is found from the back, where a
 * CALL frame has only whitespace and `]` after its payload.
 */
export function byteRangeToStringRange(text: string, [startByte]: readonly [number, number]): [number, number] {
  const start = utf16IndexOfByte(text, startByte);
  let end = text.length;
  while (end > start && isWs(text.charCodeAt(end - 1))) end--;
  end--;
  while (end > start && isWs(text.charCodeAt(end - 1))) end--;
  return [start, end];
}
