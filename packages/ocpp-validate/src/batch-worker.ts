// A worker of the batch pool (pool.ts): loads one backend, then answers batch jobs until terminated.
import { parentPort, workerData } from "node:worker_threads";
import { nodeCandidates } from "./node-candidates.js";
import { unpack, type BatchAnswer, type BatchJob } from "./pool.js";

const { backend: name } = workerData as { backend: string };
const candidate = nodeCandidates.find((c) => c.name === name);
// Thrown at load: the pool sees the worker's 'error' and rejects what it sent.
if (!candidate) throw new Error(`no backend named ${JSON.stringify(name)}`);
const backend = candidate.load();

parentPort!.on("message", (job: BatchJob) => {
  let answer: BatchAnswer;
  try {
    // A copy with a buffer of its own: the backend's array may be a view (of wasm memory, say), which cannot be transferred.
    answer = { id: job.id, result: backend.isValidBatch(unpack(job), job.message, job.tolerate).slice() };
  } catch (e) {
    const error = e instanceof Error ? e : new Error(String(e));
    answer = { id: job.id, error: { message: error.message, ...(error.stack ? { stack: error.stack } : {}) } };
  }
  parentPort!.postMessage(answer, "result" in answer ? [answer.result.buffer as ArrayBuffer] : []);
});
