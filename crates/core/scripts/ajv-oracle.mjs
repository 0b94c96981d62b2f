// Differential oracle for the core tests: reads one base64 input per line on stdin and prints,
// per line, the reference verdict {valid, errors:[{instancePath, keyword}]} (allErrors, sorted).
// Usage: node crates/core/scripts/ajv-oracle.mjs < inputs.b64
import { createInterface } from "node:readline";
import { referenceValidate, issueMultiset } from "../../../packages/test-vectors/reference.mjs";

const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
for await (const line of rl) {
  const bytes = Buffer.from(line, "base64");
  const r = referenceValidate(new Uint8Array(bytes), { allErrors: true });
  process.stdout.write(JSON.stringify({ valid: r.valid, errors: issueMultiset(r.errors) }) + "\n");
}
