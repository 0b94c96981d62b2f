// The worker pool behind `isValidBatchAsync` on the wasm and js backends (Node only: the browser
// entry never imports this file). Each worker loads its own copy of the backend; a batch is cut
// into one chunk per worker and the verdicts are put back together in input order.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Backend, MessageIndex, ToleranceMask } from "./backend.js";
import type { JsonInput } from "./types.js";

/**
 * Below this many bytes (strings counted by length) a batch is validated on the calling thread in
 * a microtask: posting it to a worker and back costs more than validating it.
 */
export const INLINE_MAX_BYTES = 64 * 1024;
/** A chunk smaller than this is not worth a worker of its own. */
const MIN_CHUNK_BYTES = 32 * 1024;

/** What crosses to a worker: strings as they are (structured clone copies them), bytes packed into one transferred buffer. */
export interface BatchJob {
  id: number;
  message: MessageIndex;
  tolerate: ToleranceMask;
  /** `texts[i]` is input i when it is a string, null when it is bytes. */
  texts: (string | null)[];
  bytes: Uint8Array;
  /** Where byte input i ends in `bytes` (for a string: where the previous one ended). */
  ends: Uint32Array;
}

/** Every worker of a pool answers a job `{ id, ... }` with its id and a result or an error. */
export type Answer<R> = { id: number; result: R } | { id: number; error: { message: string; stack?: string } };
export type BatchAnswer = Answer<Uint8Array>;

interface Pending {
  resolve: (result: never) => void;
  reject: (error: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  pending: Map<number, Pending>;
}

/**
 * Workers are started when a batch first needs them, never more than `size`. An idle worker is
 * unref'd, so the pool alone never keeps a process alive; a worker with a batch in flight is ref'd,
 * so that a process awaiting that batch does not exit under it. A worker that fails (throws while
 * loading, crashes, exits) rejects every batch it held and is replaced by the next batch that needs one.
 */
export class WorkerPool {
  private readonly workers: PoolWorker[] = [];
  private nextId = 0;

  /**
   * `backend`: the backend the workers load (named in errors). `script` and `workerData`: another
   * kind of worker that answers jobs the same way (the CLI's); by default the batch worker.
   */
  constructor(
    readonly backend: string,
    readonly size: number = availableParallelism(),
    private readonly script: URL = new URL("./batch-worker.js", import.meta.url),
    private readonly workerData: unknown = { backend },
  ) {}

  /** Sends `job` (given an id here) to the idlest worker; resolves to its answer's result. */
  request<R>(job: object, transfer: ArrayBuffer[] = []): Promise<R> {
    const id = this.nextId++;
    const w = this.pick();
    return new Promise<R>((resolve, reject) => {
      w.pending.set(id, { resolve: resolve as (r: never) => void, reject });
      if (w.pending.size === 1) w.worker.ref();
      w.worker.postMessage({ ...job, id }, transfer);
    });
  }

  /** Validates `inputs` across the workers; resolves to one verdict per input, in order. */
  run(inputs: ReadonlyArray<JsonInput>, message: MessageIndex, tolerate: ToleranceMask): Promise<Uint8Array> {
    const total = approximateBytes(inputs);
    const chunks = Math.max(1, Math.min(this.size, inputs.length, Math.floor(total / MIN_CHUNK_BYTES)));
    const cuts = cutByBytes(inputs, total, chunks);
    const parts: Promise<Uint8Array>[] = [];
    for (let c = 0; c + 1 < cuts.length; c++) {
      if (cuts[c] === cuts[c + 1]) continue;
      parts.push(this.post(inputs, cuts[c]!, cuts[c + 1]!, message, tolerate));
    }
    return Promise.all(parts).then((answers) => {
      const verdicts = new Uint8Array(inputs.length);
      let at = 0;
      for (const a of answers) {
        verdicts.set(a, at);
        at += a.length;
      }
      return verdicts;
    });
  }

  /** Terminates every worker; a batch still in flight is rejected. The next `run` starts new ones. */
  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    for (const w of workers) this.fail(w, new Error("ocpp-validate: the worker pool was closed while this batch was in flight"));
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }

  /** Jobs sent and not yet answered, over all workers. */
  get inFlight(): number {
    let n = 0;
    for (const w of this.workers) n += w.pending.size;
    return n;
  }

  /** How many workers are running (for tests). */
  get running(): number {
    return this.workers.length;
  }

  private post(inputs: ReadonlyArray<JsonInput>, from: number, to: number, message: MessageIndex, tolerate: ToleranceMask): Promise<Uint8Array> {
    const job = pack(inputs, from, to, message, tolerate);
    return this.request<Uint8Array>(job, [job.bytes.buffer as ArrayBuffer, job.ends.buffer as ArrayBuffer]);
  }

  /** The idlest worker, or a new one while there are fewer than `size`. */
  private pick(): PoolWorker {
    let best: PoolWorker | undefined;
    for (const w of this.workers) if (!best || w.pending.size < best.pending.size) best = w;
    if (best && (best.pending.size === 0 || this.workers.length >= this.size)) return best;
    return this.start();
  }

  private start(): PoolWorker {
    // The process's flags go to the worker too (a heap limit, say), except those that only make sense
    // for an entry given as text (`node --input-type=module -e ...`), which a file entry refuses.
    const execArgv = process.execArgv.filter((a) => !a.startsWith("--input-type"));
    const worker = new Worker(this.script, { workerData: this.workerData, execArgv });
    const w: PoolWorker = { worker, pending: new Map() };
    worker.unref();
    worker.on("message", (answer: Answer<never>) => {
      const p = w.pending.get(answer.id);
      if (!p) return;
      w.pending.delete(answer.id);
      if (w.pending.size === 0) worker.unref();
      if ("error" in answer) {
        const error = new Error(`ocpp-validate: a batch worker failed: ${answer.error.message}`);
        if (answer.error.stack) error.stack = answer.error.stack;
        p.reject(error);
      } else p.resolve(answer.result);
    });
    worker.on("error", (error) => {
      this.remove(w);
      this.fail(w, new Error(`ocpp-validate: a batch worker (${this.backend} backend) failed: ${error.message}`, { cause: error }));
    });
    worker.on("exit", (code) => {
      this.remove(w);
      this.fail(w, new Error(`ocpp-validate: a batch worker (${this.backend} backend) exited with code ${code} before answering`));
    });
    this.workers.push(w);
    return w;
  }

  private remove(w: PoolWorker): void {
    const i = this.workers.indexOf(w);
    if (i >= 0) this.workers.splice(i, 1);
  }

  private fail(w: PoolWorker, error: Error): void {
    const pending = [...w.pending.values()];
    w.pending.clear();
    for (const p of pending) p.reject(error);
  }
}

function approximateBytes(inputs: ReadonlyArray<JsonInput>): number {
  let n = 0;
  for (const input of inputs) n += input.length;
  return n;
}

/** `chunks + 1` input indices, cutting the batch into runs of about equal size. */
function cutByBytes(inputs: ReadonlyArray<JsonInput>, total: number, chunks: number): number[] {
  const cuts = [0];
  const per = total / chunks;
  let sum = 0;
  for (let i = 0; i < inputs.length && cuts.length < chunks; i++) {
    sum += inputs[i]!.length;
    if (sum >= per * cuts.length) cuts.push(i + 1);
  }
  cuts.push(inputs.length);
  return cuts;
}

/**
 * The bytes are copied here, on the calling thread: a Buffer the caller changes after the call
 * returns cannot change a verdict, and a subarray of a large Buffer does not drag the whole
 * ArrayBuffer through postMessage.
 */
function pack(inputs: ReadonlyArray<JsonInput>, from: number, to: number, message: MessageIndex, tolerate: ToleranceMask): Omit<BatchJob, "id"> {
  let size = 0;
  for (let i = from; i < to; i++) {
    const input = inputs[i]!;
    if (typeof input !== "string") size += input.length;
  }
  const bytes = new Uint8Array(size);
  const ends = new Uint32Array(to - from);
  const texts: (string | null)[] = new Array<string | null>(to - from);
  let at = 0;
  for (let i = from; i < to; i++) {
    const input = inputs[i]!;
    if (typeof input === "string") texts[i - from] = input;
    else {
      texts[i - from] = null;
      // A view of a detached buffer has length 0: empty input, as the synchronous batch sees it.
      if (input.length) bytes.set(input, at);
      at += input.length;
    }
    ends[i - from] = at;
  }
  return { message, tolerate, texts, bytes, ends };
}

/** The inputs of a job as the worker hands them to its backend's `isValidBatch`. */
export function unpack(job: BatchJob): JsonInput[] {
  const inputs: JsonInput[] = new Array<JsonInput>(job.texts.length);
  let start = 0;
  for (let i = 0; i < job.texts.length; i++) {
    const end = job.ends[i]!;
    inputs[i] = job.texts[i] ?? job.bytes.subarray(start, end);
    start = end;
  }
  return inputs;
}

const pools = new Map<string, WorkerPool>();

/**
 * The wasm and js backends with `isValidBatchAsync` on a pool shared by every validator of that
 * backend in this thread, and `close` to end it. Native has its own (libuv's threads).
 */
export function withWorkerPool(backend: Backend): Backend {
  if (backend.isValidBatchAsync || (backend.name !== "wasm" && backend.name !== "js")) return backend;
  const name = backend.name;
  const pool = () => {
    let p = pools.get(name);
    if (!p) pools.set(name, (p = new WorkerPool(name)));
    return p;
  };
  return {
    ...backend,
    isValidBatchAsync(inputs, message, tolerate) {
      if (approximateBytes(inputs) < INLINE_MAX_BYTES) return Promise.resolve().then(() => backend.isValidBatch(inputs, message, tolerate));
      return pool().run(inputs, message, tolerate);
    },
    close: () => pools.get(name)?.close() ?? Promise.resolve(),
  };
}
