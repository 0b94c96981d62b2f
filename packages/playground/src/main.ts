import "./style.css";
// Resolved through the package's `browser` export: the wasm-bindgen web build plus the js backend.
import { createValidator, init, type ValidationIssue, type Validator } from "ocpp-validate";
import { issueSpan, lineColumn, type Highlight } from "./locate.js";
import { SAMPLES } from "./samples.js";

type BackendChoice = "auto" | "wasm" | "js";
type Mode = "auto" | "json" | "ndjson";

/** Above this many characters a file is validated but not put into the textarea (it would crawl). */
const EDITOR_LIMIT = 4_000_000;
/** Rows and marks drawn for NDJSON; the counts always cover every line. */
const MAX_ROWS = 500;
/** Budget per slice of NDJSON work before yielding to the browser, so the page stays responsive. */
const SLICE_MS = 12;
/** How long a single payload is re-validated to get a stable time per payload. */
const TIMING_BUDGET_MS = 15;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  body: document.body,
  backendSelect: $<HTMLSelectElement>("backend-select"),
  backend: $<HTMLOutputElement>("backend"),
  notice: $("notice"),
  mode: $<HTMLSelectElement>("mode"),
  samples: document.querySelector<HTMLElement>(".samples")!,
  editor: $("editor"),
  backdrop: $("backdrop"),
  marks: $("marks"),
  text: $<HTMLTextAreaElement>("text"),
  bigFile: $("big-file"),
  bigFileName: $("big-file-name"),
  bigFileInfo: $("big-file-info"),
  bigFileClear: $<HTMLButtonElement>("big-file-clear"),
  file: $<HTMLInputElement>("file"),
  format: $<HTMLButtonElement>("format"),
  clear: $<HTMLButtonElement>("clear"),
  validate: $<HTMLButtonElement>("validate"),
  inputStatus: $("input-status"),
  verdict: $("verdict"),
  meta: $("meta"),
  metaBackend: $("meta-backend"),
  metaTime: $("meta-time"),
  metaSize: $("meta-size"),
  progressWrap: $("progress-wrap"),
  progress: $<HTMLProgressElement>("progress"),
  progressLabel: $("progress-label"),
  cancel: $<HTMLButtonElement>("cancel"),
  summary: $("summary"),
  countTotal: $("count-total"),
  countValid: $("count-valid"),
  countInvalid: $("count-invalid"),
  countParse: $("count-parse"),
  keywordRows: $("keyword-rows"),
  issuesWrap: $("issues-wrap"),
  issuesTable: $<HTMLTableElement>("issues"),
  issueRows: $("issue-rows"),
  issuesMore: $("issues-more"),
};

const state = {
  validator: undefined as Validator | undefined,
  wasmError: undefined as string | undefined,
  /** Set when a file too big for the textarea is loaded; otherwise the textarea is the source. */
  bigText: undefined as { name: string; text: string } | undefined,
  fileName: undefined as string | undefined,
  /** Bumped by every run; a running NDJSON job stops when it no longer matches. */
  run: 0,
  highlights: [] as Highlight[],
};

// ---------- backend ----------

async function boot(): Promise<void> {
  try {
    await init();
  } catch (error) {
    state.wasmError = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
  }
  const wasmOption = ui.backendSelect.querySelector<HTMLOptionElement>('option[value="wasm"]')!;
  if (state.wasmError) {
    wasmOption.disabled = true;
    wasmOption.textContent = "wasm (unavailable)";
    ui.notice.hidden = false;
    ui.notice.classList.add("warn");
    ui.notice.innerHTML = `<strong>WebAssembly is unavailable in this browser</strong>, so the page runs on the <b>js</b> backend
      (pure TypeScript: the same verdicts, just slower). <span class="muted">Reason: ${escapeHtml(state.wasmError)}</span>`;
  }
  ui.backendSelect.disabled = false;
  selectBackend("auto");
  ui.body.dataset.state = "ready";
}

function selectBackend(choice: BackendChoice): void {
  state.validator = createValidator({ backend: choice });
  const name = state.validator.backend;
  ui.backend.dataset.backend = name;
  ui.backend.className = `badge ${name}`;
  ui.backend.textContent = name === "wasm" ? "wasm · Rust core compiled to WebAssembly" : "js · pure TypeScript";
  ui.backend.title = choice === "auto" ? `auto picked ${name}` : `${name} (chosen)`;
}

// ---------- input ----------

function currentText(): string {
  return state.bigText?.text ?? ui.text.value;
}

function detectMode(text: string): "json" | "ndjson" {
  const chosen = ui.mode.value as Mode;
  if (chosen !== "auto") return chosen;
  if (state.fileName && /\.(ndjson|jsonl)$/i.test(state.fileName)) return "ndjson";
  // NDJSON when there are two lines or more and the first is a whole JSON value on its own
  // (a pretty-printed payload starts with a bare "{", which is not).
  const first = /^[ \t]*(\S[^\n]*)\r?\n[\s\S]*\S/.exec(text.replace(/^\s*\n/, ""));
  if (!first) return "json";
  try {
    JSON.parse(first[1]!);
    return "ndjson";
  } catch {
    return "json";
  }
}

function loadText(text: string, name?: string): void {
  state.fileName = name;
  if (text.length > EDITOR_LIMIT) {
    state.bigText = { name: name ?? "input", text };
    ui.text.value = "";
    ui.text.disabled = true;
    ui.bigFile.hidden = false;
    ui.bigFileName.textContent = name ?? "input";
    ui.bigFileInfo.textContent = `${formatBytes(byteLength(text))}, ${plural(countLines(text), "line")}: validated here, too large to show in the editor.`;
  } else {
    clearBigFile();
    ui.text.value = text;
    ui.text.scrollTop = 0;
  }
  void runValidation();
}

function clearBigFile(): void {
  state.bigText = undefined;
  ui.text.disabled = false;
  ui.bigFile.hidden = true;
}

async function loadFile(file: File): Promise<void> {
  ui.inputStatus.textContent = `reading ${file.name}…`;
  loadText(await file.text(), file.name);
}

// ---------- validation ----------

async function runValidation(): Promise<void> {
  const validator = state.validator;
  if (!validator) return;
  const run = ++state.run;
  const text = currentText();
  const mode = detectMode(text);
  updateInputStatus(text, mode);
  resetResults();
  if (text.trim() === "") {
    setVerdict("none", "Nothing to validate", "Pick a sample, paste a payload or drop a file.");
    ui.body.dataset.state = "ready";
    return;
  }
  ui.body.dataset.state = "running";
  if (mode === "json") validateSingle(validator, text);
  else await validateNdjson(validator, text, run);
  if (run === state.run) ui.body.dataset.state = "done";
}

function validateSingle(validator: Validator, text: string): void {
  const t0 = performance.now();
  const result = validator.validate(text, { allErrors: true });
  let elapsed = performance.now() - t0;
  // One call is below the timer's resolution for small payloads: repeat within a small budget.
  let runs = 1;
  while (elapsed < TIMING_BUDGET_MS && runs < 2000) {
    validator.validate(text, { allErrors: true });
    runs++;
    elapsed = performance.now() - t0;
  }
  const perPayload = elapsed / runs;

  const n = result.errors.length;
  if (result.valid) setVerdict("valid", "Valid", "A well-formed StopTransaction.req payload.");
  else setVerdict("invalid", `Invalid · ${n} issue${n === 1 ? "" : "s"}`, "Each issue is marked in the text; click a row to jump to it.");
  showMeta(validator.backend, `${formatTime(perPayload)}`, `mean of ${runs.toLocaleString("en")} run${runs === 1 ? "" : "s"}`, text);

  const highlights: Highlight[] = result.errors.map((issue, i) => ({ ...issueSpan(text, issue), issue: i }));
  renderIssues(result.errors.map((issue, i) => ({ issue, line: undefined, span: highlights[i]! })), n, false);
  setHighlights(highlights);
}

interface Row {
  issue: ValidationIssue;
  line: number | undefined;
  span: Highlight | undefined;
}

async function validateNdjson(validator: Validator, text: string, run: number): Promise<void> {
  // Line boundaries without copying the text twice; starts are needed for the highlights.
  const lines: string[] = [];
  const starts: number[] = [];
  const numbers: number[] = [];
  let lineNo = 0;
  for (let at = 0; at <= text.length; ) {
    let end = text.indexOf("\n", at);
    if (end === -1) end = text.length;
    lineNo++;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(at, end - 1) : text.slice(at, end);
    if (line.trim() !== "") {
      lines.push(line);
      starts.push(at);
      numbers.push(lineNo);
    }
    at = end + 1;
  }

  const total = lines.length;
  const inEditor = state.bigText === undefined;
  const stats = { valid: 0, invalid: 0, parse: 0, issues: 0 };
  const perKeyword = new Map<string, { code: string; issues: number; payloads: number }>();
  const rows: Row[] = [];
  const highlights: Highlight[] = [];
  let validationMs = 0;

  ui.summary.hidden = false;
  ui.progressWrap.hidden = total < 200;
  ui.cancel.hidden = false;
  ui.progress.max = total;
  setVerdict("running", `Validating ${total.toLocaleString("en")} payloads…`, "NDJSON, one payload a line.");

  const chunk = 256;
  let i = 0;
  while (i < total) {
    const sliceStart = performance.now();
    while (i < total && performance.now() - sliceStart < SLICE_MS) {
      const batch = lines.slice(i, i + chunk);
      const t0 = performance.now();
      const verdicts = validator.isValidBatch(batch);
      const invalid: Array<{ index: number; errors: ValidationIssue[] }> = [];
      for (let k = 0; k < batch.length; k++) {
        if (verdicts[k] === 0) invalid.push({ index: i + k, errors: validator.validate(batch[k]!, { allErrors: true }).errors });
      }
      validationMs += performance.now() - t0;

      stats.valid += batch.length - invalid.length;
      for (const { index, errors } of invalid) {
        stats.invalid++;
        if (errors.some((e) => e.keyword === "parse")) stats.parse++;
        const seen = new Set<string>();
        for (const issue of errors) {
          stats.issues++;
          const entry = perKeyword.get(issue.keyword) ?? { code: issue.ocppErrorCode, issues: 0, payloads: 0 };
          entry.issues++;
          if (!seen.has(issue.keyword)) entry.payloads++;
          seen.add(issue.keyword);
          perKeyword.set(issue.keyword, entry);
          if (rows.length < MAX_ROWS) {
            const span = inEditor ? { ...issueSpan(lines[index]!, issue, starts[index]!), issue: rows.length } : undefined;
            if (span) highlights.push(span);
            rows.push({ issue, line: numbers[index]!, span });
          }
        }
      }
      i += batch.length;
    }
    showCounts(i, stats);
    renderKeywords(perKeyword, stats.invalid);
    ui.progress.value = i;
    ui.progressLabel.textContent = `${i.toLocaleString("en")} / ${total.toLocaleString("en")}`;
    if (i < total) {
      await nextTask();
      if (run !== state.run) return; // superseded by newer input or stopped
    }
  }

  const perPayload = validationMs / Math.max(1, total);
  const mbPerSecond = byteLength(text) / 1e6 / (validationMs / 1000);
  if (stats.invalid === 0) setVerdict("valid", `All ${total.toLocaleString("en")} payloads are valid`, "NDJSON, one payload a line.");
  else
    setVerdict(
      "invalid",
      `${stats.invalid.toLocaleString("en")} of ${total.toLocaleString("en")} payloads invalid`,
      `${stats.valid.toLocaleString("en")} valid · ${stats.issues.toLocaleString("en")} issues in all${stats.parse ? ` · ${stats.parse} not JSON` : ""}`,
    );
  ui.summary.dataset.total = String(total);
  ui.summary.dataset.valid = String(stats.valid);
  ui.summary.dataset.invalid = String(stats.invalid);
  showMeta(
    validator.backend,
    formatTime(perPayload),
    `${total.toLocaleString("en")} payloads in ${formatTime(validationMs)}${Number.isFinite(mbPerSecond) ? ` · ${mbPerSecond.toFixed(0)} MB/s` : ""}`,
    text,
  );
  renderKeywords(perKeyword, stats.invalid);
  renderIssues(rows, stats.issues, true);
  setHighlights(highlights);
  ui.cancel.hidden = true;
}

/** Yields to the browser so it can paint the progress bar and handle input between slices. */
function nextTask(): Promise<void> {
  // requestAnimationFrame stalls in background tabs; a macrotask does not.
  return new Promise((resolve) => setTimeout(resolve, 0));
}

// ---------- rendering ----------

function resetResults(): void {
  ui.meta.hidden = true;
  ui.summary.hidden = true;
  ui.progressWrap.hidden = true;
  ui.issuesWrap.hidden = true;
  ui.issueRows.replaceChildren();
  ui.keywordRows.replaceChildren();
  delete ui.summary.dataset.total;
  delete ui.summary.dataset.valid;
  delete ui.summary.dataset.invalid;
  setHighlights([]);
}

function setVerdict(kind: "none" | "valid" | "invalid" | "running", title: string, sub: string): void {
  ui.verdict.dataset.verdict = kind;
  ui.verdict.querySelector(".verdict-icon")!.textContent = { none: "·", valid: "✓", invalid: "✕", running: "…" }[kind];
  ui.verdict.querySelector(".verdict-title")!.textContent = title;
  ui.verdict.querySelector(".verdict-sub")!.textContent = sub;
}

function showMeta(backend: string, time: string, timeNote: string, text: string): void {
  ui.meta.hidden = false;
  ui.metaBackend.textContent = backend;
  ui.metaBackend.dataset.backend = backend;
  ui.metaTime.innerHTML = `${escapeHtml(time)} <span class="muted">${escapeHtml(timeNote)}</span>`;
  ui.metaSize.textContent = formatBytes(byteLength(text));
}

function showCounts(total: number, stats: { valid: number; invalid: number; parse: number }): void {
  ui.countTotal.textContent = total.toLocaleString("en");
  ui.countValid.textContent = stats.valid.toLocaleString("en");
  ui.countInvalid.textContent = stats.invalid.toLocaleString("en");
  ui.countParse.textContent = stats.parse.toLocaleString("en");
}

function renderKeywords(perKeyword: Map<string, { code: string; issues: number; payloads: number }>, invalid: number): void {
  const entries = [...perKeyword].sort((a, b) => b[1].issues - a[1].issues);
  const max = Math.max(1, ...entries.map(([, e]) => e.issues));
  ui.keywordRows.replaceChildren(
    ...entries.map(([keyword, e]) => {
      const tr = document.createElement("tr");
      tr.dataset.keyword = keyword;
      tr.innerHTML = `<td><code class="kw kw-${cssName(keyword)}">${escapeHtml(keyword)}</code></td><td>${escapeHtml(e.code)}</td>
        <td class="n">${e.issues.toLocaleString("en")}</td><td class="n">${e.payloads.toLocaleString("en")}</td>
        <td class="bar-col"><span class="bar" style="width:${((e.issues / max) * 100).toFixed(1)}%"></span></td>`;
      return tr;
    }),
  );
  if (invalid === 0) {
    const tr = document.createElement("tr");
    tr.innerHTML = `<td colspan="5" class="muted">No issues.</td>`;
    ui.keywordRows.append(tr);
  }
}

function renderIssues(rows: Row[], totalIssues: number, withLines: boolean): void {
  ui.issuesTable.classList.toggle("with-lines", withLines);
  ui.issuesWrap.hidden = rows.length === 0;
  ui.issueRows.replaceChildren(
    ...rows.map((row, index) => {
      const { issue } = row;
      const tr = document.createElement("tr");
      tr.dataset.testid = "issue";
      tr.dataset.pointer = issue.instancePath;
      tr.dataset.keyword = issue.keyword;
      tr.dataset.code = issue.ocppErrorCode;
      if (row.line !== undefined) tr.dataset.line = String(row.line);
      tr.tabIndex = 0;
      const where = row.span && !state.bigText ? lineColumn(ui.text.value, row.span.start) : undefined;
      tr.title = where ? `line ${where.line}, column ${where.column}: click to show it in the text` : "";
      tr.innerHTML = `<td class="line-col">${row.line ?? ""}</td>
        <td class="where"><code class="pointer">${issue.instancePath === "" ? '<span class="muted">(root)</span>' : pointerHtml(issue.instancePath)}</code>
          <div class="message">${escapeHtml(issue.message)}</div></td>
        <td><code class="kw kw-${cssName(issue.keyword)}">${escapeHtml(issue.keyword)}</code></td>
        <td><span class="code">${escapeHtml(issue.ocppErrorCode)}</span></td>`;
      if (row.span) {
        const show = () => focusHighlight(index);
        tr.addEventListener("click", show);
        tr.addEventListener("keydown", (e) => {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            show();
          }
        });
      }
      return tr;
    }),
  );
  ui.issuesMore.hidden = totalIssues <= rows.length;
  ui.issuesMore.textContent = `Showing the first ${rows.length.toLocaleString("en")} of ${totalIssues.toLocaleString("en")} issues; the counts above cover all of them.`;
}

// ---------- highlights ----------

/** Draws the marks in the backdrop behind the (transparent) textarea; overlapping ranges are merged. */
function setHighlights(highlights: Highlight[]): void {
  state.highlights = highlights;
  const text = state.bigText ? "" : ui.text.value;
  const sorted = [...highlights].sort((a, b) => a.start - b.start || b.end - a.end);
  let html = "";
  let at = 0;
  for (const h of sorted) {
    if (h.start < at) continue; // inside a previous mark
    html += escapeHtml(text.slice(at, h.start));
    html += `<mark data-issue="${h.issue}">${escapeHtml(text.slice(h.start, h.end))}</mark>`;
    at = h.end;
  }
  // A trailing newline needs a character after it, or the backdrop ends one line short.
  html += escapeHtml(text.slice(at)) + "\u200b";
  ui.marks.innerHTML = html;
  syncScroll();
}

function focusHighlight(index: number): void {
  const h = state.highlights.find((x) => x.issue === index);
  if (!h) return;
  for (const el of ui.marks.querySelectorAll("mark.active")) el.classList.remove("active");
  for (const tr of ui.issueRows.querySelectorAll("tr.active")) tr.classList.remove("active");
  ui.issueRows.children[index]?.classList.add("active");
  const mark = ui.marks.querySelector<HTMLElement>(`mark[data-issue="${index}"]`);
  mark?.classList.add("active");
  if (mark) ui.text.scrollTop = Math.max(0, mark.offsetTop - ui.text.clientHeight / 3);
  ui.text.focus({ preventScroll: true });
  ui.text.setSelectionRange(h.start, h.end);
  syncScroll();
}

function syncScroll(): void {
  ui.backdrop.scrollTop = ui.text.scrollTop;
  ui.backdrop.scrollLeft = ui.text.scrollLeft;
}

// ---------- small helpers ----------

function updateInputStatus(text: string, mode: "json" | "ndjson"): void {
  const what = mode === "ndjson" ? "NDJSON" : "one payload";
  const source = state.fileName ? `${state.fileName} · ` : "";
  ui.inputStatus.textContent = text ? `${source}${what} · ${formatBytes(byteLength(text))} · ${plural(countLines(text), "line")}` : "";
}

const encoder = new TextEncoder();
function byteLength(text: string): number {
  return text.length < 1_000_000 ? encoder.encode(text).length : text.length; // close enough for the label
}

function countLines(text: string): number {
  let n = text.length && !text.endsWith("\n") ? 1 : 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString("en")} ${word}${n === 1 ? "" : "s"}`;
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function formatTime(ms: number): string {
  if (ms < 0.001) return `${(ms * 1e6).toFixed(0)} ns`;
  if (ms < 1) return `${(ms * 1000).toFixed(ms < 0.01 ? 2 : 1)} µs`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Lets long pointers wrap between segments rather than in the middle of a name. */
function pointerHtml(pointer: string): string {
  return escapeHtml(pointer).replace(/\//g, "<wbr>/");
}

function cssName(keyword: string): string {
  return keyword.replace(/[^a-zA-Z0-9_-]/g, "");
}

function debounce(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

// ---------- wiring ----------

for (const sample of SAMPLES) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = `sample ${sample.id.startsWith("valid") ? "ok" : sample.id === "invalid" ? "bad" : "batch"}`;
  button.dataset.sample = sample.id;
  button.title = sample.hint;
  button.innerHTML = `${escapeHtml(sample.label)}<span class="visually-hidden">: ${escapeHtml(sample.hint)}</span>`;
  button.addEventListener("click", () => {
    ui.mode.value = "auto";
    loadText(sample.text(), sample.name);
  });
  ui.samples.append(button);
}

const liveValidate = debounce(() => void runValidation(), 250);
ui.text.addEventListener("input", () => {
  state.fileName = undefined;
  liveValidate();
});
ui.text.addEventListener("scroll", syncScroll);
new ResizeObserver(syncScroll).observe(ui.text);
ui.validate.addEventListener("click", () => void runValidation());
ui.mode.addEventListener("change", () => void runValidation());
ui.backendSelect.addEventListener("change", () => {
  selectBackend(ui.backendSelect.value as BackendChoice);
  void runValidation();
});
ui.file.addEventListener("change", () => {
  const file = ui.file.files?.[0];
  if (file) void loadFile(file);
  ui.file.value = ""; // picking the same file again must still fire `change`
});
ui.format.addEventListener("click", () => {
  try {
    ui.text.value = JSON.stringify(JSON.parse(ui.text.value), null, 2);
    void runValidation();
  } catch {
    ui.inputStatus.textContent = "Format needs one valid JSON value (NDJSON and broken JSON stay as they are).";
  }
});
const clearAll = () => {
  clearBigFile();
  state.fileName = undefined;
  ui.text.value = "";
  void runValidation();
  ui.text.focus();
};
ui.clear.addEventListener("click", clearAll);
ui.bigFileClear.addEventListener("click", clearAll);
ui.cancel.addEventListener("click", () => {
  state.run++;
  ui.body.dataset.state = "done";
  setVerdict("none", "Stopped", "Validation was stopped before the end of the file.");
  ui.progressWrap.hidden = true;
});

// Dropping anywhere must not navigate away from the page; only the editor takes the file.
for (const type of ["dragover", "drop"]) window.addEventListener(type, (e) => e.preventDefault());
let dragDepth = 0;
ui.editor.addEventListener("dragenter", () => {
  dragDepth++;
  ui.editor.classList.add("dragging");
});
ui.editor.addEventListener("dragleave", () => {
  if (--dragDepth <= 0) ui.editor.classList.remove("dragging");
});
ui.editor.addEventListener("drop", (e) => {
  dragDepth = 0;
  ui.editor.classList.remove("dragging");
  const file = e.dataTransfer?.files[0];
  if (file) void loadFile(file);
});

void boot().then(() => runValidation());
