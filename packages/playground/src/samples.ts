// The samples come from the same deterministic generators the tests and the benchmark use
// (plain ESM, no Node built-ins), so what the page shows is what the suite checks.
import { largePayloadValue, mediumPayloadValue, mixedBatch, smallPayloadValue } from "@ocpp-validate/test-vectors/payloads";

export interface Sample {
  id: string;
  label: string;
  hint: string;
  /** File name the sample pretends to come from; its extension picks the mode. */
  name: string;
  text: () => string;
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

/** One payload broken in several independent ways, so every keyword family shows up at once. */
function severalIssues(): string {
  const v = mediumPayloadValue() as Record<string, any>;
  const broken: Record<string, unknown> = {
    idTag: "CARD-0000-0000-0000-0042", // 24 characters: maxLength 20
    // meterStop removed: required
    timestamp: "2024-05-17T10:00:00", // no offset: format date-time
    transactionId: "4711", // a string: type integer
    reason: "Unplugged", // not in the enum
    transactionData: v.transactionData,
    vendorNote: "not in the schema", // additionalProperties
  };
  const sample = (v.transactionData as any[])[0].sampledValue[1];
  sample.unit = "kW/h"; // enum
  sample.value = 230; // type string
  return pretty(broken);
}

export const SAMPLES: readonly Sample[] = [
  { id: "valid-small", label: "Valid", hint: "~130 B, no meter values", name: "stop-small.json", text: () => pretty(smallPayloadValue()) },
  { id: "valid-large", label: "Valid · large", hint: "50 meter values × 10 samples", name: "stop-large.json", text: () => pretty(largePayloadValue()) },
  { id: "invalid", label: "Invalid · 8 issues", hint: "type, required, enum, format, maxLength, additionalProperties", name: "stop-invalid.json", text: severalIssues },
  { id: "ndjson", label: "NDJSON · 2 000 lines", hint: "mixed sizes, ~5 % invalid", name: "batch.ndjson", text: () => mixedBatch(2000, 42).join("\n") + "\n" },
];
