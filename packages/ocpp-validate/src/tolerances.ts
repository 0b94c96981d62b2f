// The tolerance names and their bits (crates/core/SEMANTICS.md, "Tolerances"). No Node built-ins:
// both entries and every backend adapter import it.
import type { Tolerance } from "./types.js";

/**
 * Every tolerance, in bit order: `TOLERANCES[i]` is bit `1 << i` of the mask that crosses into the
 * native and wasm cores (the loader checks each backend's `toleranceNames()` equals this list).
 */
export const TOLERANCES: readonly Tolerance[] = Object.freeze(["errata", "offsetlessTimestamps", "fractionalIntegers", "overlongStrings", "unknownProperties"] as const);

export const ERRATA = 1;
export const OFFSETLESS_TIMESTAMPS = 2;
export const FRACTIONAL_INTEGERS = 4;
export const OVERLONG_STRINGS = 8;
export const UNKNOWN_PROPERTIES = 16;

const BIT = new Map<string, number>(TOLERANCES.map((name, i) => [name, 1 << i]));

/** The name of a single tolerance bit (one of the constants above). */
export function toleranceName(bit: number): Tolerance {
  const name = TOLERANCES[31 - Math.clz32(bit)];
  if (name === undefined || bit !== (bit & -bit)) throw new RangeError(`ocpp-validate: ${bit} is not a tolerance bit`);
  return name;
}

/**
 * The mask of a list of tolerance names. A wrong name is the caller's mistake, and a silently
 * ignored one would make a validator stricter than its author believes, so it throws.
 */
export function toleranceMask(names: unknown, where = "tolerate"): number {
  if (!Array.isArray(names)) {
    throw new TypeError(`ocpp-validate: ${where} must be an array of tolerance names (${TOLERANCES.join(", ")}), got ${names === null ? "null" : typeof names}`);
  }
  let mask = 0;
  for (const name of names as unknown[]) {
    const bit = typeof name === "string" ? BIT.get(name) : undefined;
    if (bit === undefined) {
      const shown = typeof name === "string" ? JSON.stringify(name) : String(name);
      throw new TypeError(`ocpp-validate: unknown tolerance ${shown} in ${where}; the tolerances are: ${TOLERANCES.join(", ")}`);
    }
    mask |= bit;
  }
  return mask;
}

/** The names of a mask's bits, in TOLERANCES order (a validator's `tolerate`). */
export function toleranceList(mask: number): Tolerance[] {
  return TOLERANCES.filter((_, i) => (mask & (1 << i)) !== 0);
}
