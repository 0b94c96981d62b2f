/** Every schema by message name (deep-frozen). @type {Readonly<Record<string, any>>} */
export const SCHEMAS: Readonly<Record<string, any>>;
/** The message names, sorted in code-unit order. @type {readonly string[]} */
export const SCHEMA_NAMES: readonly string[];
