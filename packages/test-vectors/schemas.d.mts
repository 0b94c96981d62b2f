/** Every OCPP 1.6 schema by message name (deep-frozen). @type {Readonly<Record<string, any>>} */
export const SCHEMAS: Readonly<Record<string, any>>;
/** The OCPP 1.6 message names, sorted in code-unit order. @type {readonly string[]} */
export const SCHEMA_NAMES: readonly string[];
/** Every schema of every protocol, by protocol then message name (deep-frozen). @type {Readonly<Record<"ocpp1.6" | "ocpp2.0.1" | "ocpp2.1", Readonly<Record<string, any>>>>} */
export const PROTOCOL_SCHEMAS: Readonly<Record<"ocpp1.6" | "ocpp2.0.1" | "ocpp2.1", Readonly<Record<string, any>>>>;
/** directions.json without its description (action lists sorted). @type {Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>} */
export const DIRECTIONS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>>;
