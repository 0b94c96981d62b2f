// A worker of the CLI's --jobs pool: evaluates chunks of lines with its own validator and answers
// one code per line (and the Outcomes worth printing), which the CLI reports in input order.
import { parentPort, workerData } from "node:worker_threads";
import { evaluateJoined, evaluator, type ChunkResult } from "./cli-eval.js";
import { createValidator } from "./index.js";
import type { Answer } from "./pool.js";
import type { BackendName, MessageNameOf, Protocol, Tolerance } from "./index.js";

export interface CliWorkerData {
  backend: BackendName;
  protocol: Protocol;
  /** Undefined: the protocol's default. */
  message: MessageNameOf<Protocol> | undefined;
  tolerate: Tolerance[];
  allErrors: boolean;
  extract: boolean;
  /** The --charge-point expression's source (a RegExp does not cross to a worker). */
  chargePoint: string | null;
  /** --json: every Outcome is needed. */
  full: boolean;
}

/** A job without a chunk is answered with null: the CLI's way to know that a worker has loaded. */
export interface CliJob {
  id: number;
  /** The line the previous read cut, which `chunk` ends. */
  head?: Uint8Array | null;
  chunk?: Uint8Array;
}


const d = workerData as CliWorkerData;
const evaluate = evaluator(createValidator({ backend: d.backend, protocol: d.protocol, message: d.message, tolerate: d.tolerate }), {
  extract: d.extract,
  allErrors: d.allErrors,
  chargePoint: d.chargePoint === null ? null : new RegExp(d.chargePoint),
});

parentPort!.on("message", (job: CliJob) => {
  let answer: Answer<ChunkResult | null>;
  try {
    const chunk = job.chunk;
    const body = chunk && Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    answer = { id: job.id, result: body ? evaluateJoined(job.head ?? null, body, evaluate, d.full) : null };
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    answer = { id: job.id, error: { message: error.message, ...(error.stack ? { stack: error.stack } : {}) } };
  }
  parentPort!.postMessage(answer, "result" in answer && answer.result ? [answer.result.codes.buffer as ArrayBuffer] : []);
});
