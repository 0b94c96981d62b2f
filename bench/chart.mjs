#!/usr/bin/env node
// The headline chart, built from the bench JSON as a plain string (no deps, no browser):
// StopTransaction: one panel per input form, one group of bars per implementation, one bar per payload
// case; then one panel for the other messages (medium payloads, MeterValues × 10 sampled values, the
// mixed session, OCPP 2.0.1 TransactionEvent) on Buffer input. Length = speed relative to JSON.parse + ajv on the same message, case
// and input form (log scale).
//
//   node chart.mjs [results/latest.json] [results/chart.svg]
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const STOP = "StopTransaction";
const STOP_SERIES = [
  ["small", "#4e79a7"], ["medium", "#f28e2b"], ["large", "#e15759"], ["invalid", "#76b7b2"], ["batch", "#59a14f"],
].map(([c, color]) => ({ message: STOP, case: c, color }));
// the other messages: the medium payloads, the headline MeterValues and the mixed session
const MESSAGE_SERIES = [
  ["MeterValues", "medium", "#f28e2b", "MeterValues medium"],
  ["MeterValues", "sv10", "#e15759", "MeterValues, 10 sampled values"],
  ["MeterValues", "large", "#9c2f2f", "MeterValues large"],
  ["StatusNotification", "medium", "#4e79a7", "StatusNotification"],
  ["Heartbeat", "medium", "#76b7b2", "Heartbeat {}"],
  ["BootNotification", "medium", "#b07aa1", "BootNotification"],
  ["session", "session", "#59a14f", "mixed session"],
  ["TransactionEventRequest", "small", "#edc948", "2.0.1 TransactionEvent Started"],
  ["TransactionEventRequest", "large", "#8c6d31", "2.0.1 TransactionEvent Updated, large"],
].map(([message, c, color, label]) => ({ message, case: c, color, label }));
const PANELS = [
  { title: "StopTransaction.req, Buffer input (what a WebSocket library hands over)", form: "buffer", series: STOP_SERIES },
  { title: "StopTransaction.req, string input", form: "string", series: STOP_SERIES },
  { title: "StopTransaction.req, already-parsed object", form: "object", series: STOP_SERIES },
  { title: "Every benched message and the mixed session, Buffer input", form: "buffer", series: MESSAGE_SERIES },
];

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const fmtRatio = (r) => (r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r >= 1 ? r.toFixed(2) : String(+r.toPrecision(2))) + "×";
const messageOf = (r) => r.message ?? STOP; // results from before the per-message bench have no message field
/** A row's name without what differs between messages (batch sizes, per-message dispatch). */
const groupLabel = (name) => name.replace(/ ×\d+.*$/, "").replace(/ isValid$/, "").replace(/\[message\]/g, "").replace(/ validate\(urn:<message>\.req\)/, " validate");

/** @param {{ meta: any, rows: any[], targets?: any[] }} data */
export function renderChart(data) {
  const rows = data.rows.filter((r) => r.ratioToAjv > 0);
  const ratios = rows.map((r) => r.ratioToAjv);
  const lo = 10 ** Math.floor(Math.log10(Math.min(0.5, ...ratios)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(2, ...ratios)));

  const W = 1000, labelW = 300, plotX = labelW + 10, plotW = W - plotX - 70;
  const barH = 8, barGap = 2, groupGap = 10;
  const x = (r) => plotX + ((Math.log10(r) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * plotW;

  const parts = [];
  let y = 20;
  const m = data.meta ?? {};
  const mach = m.machine ?? {};
  parts.push(`<text x="${W / 2}" y="${y}" text-anchor="middle" font-size="14" font-weight="bold">ocpp-validate vs peers on OCPP 1.6 and 2.0.1 payloads: speed relative to JSON.parse + ajv (higher is faster, log scale)</text>`);
  y += 18;
  parts.push(`<text x="${W / 2}" y="${y}" text-anchor="middle" font-size="11" fill="#555">${esc(`${mach.cpu ?? "?"}, ${mach.cores ?? "?"} cores · Node ${m.node ?? "?"} · ${m.date ?? ""}${m.mode === "quick" ? " · QUICK MODE (not meaningful)" : ""}`)}</text>`);
  y += 4;

  for (const panel of PANELS) {
    const inPanel = (r, s) => r.form === panel.form && messageOf(r) === s.message && r.case === s.case;
    const series = panel.series.filter((s) => rows.some((r) => inPanel(r, s)));
    if (!series.length) continue;
    const panelRows = rows.filter((r) => series.some((s) => inPanel(r, s)));
    const ids = [...new Set(panelRows.map((r) => r.id))];
    const top = y + 8;
    y += 22;
    parts.push(`<text x="10" y="${y}" font-size="13" font-weight="bold">${esc(panel.title)}</text>`);
    y += 16;
    // legend
    let lx = plotX;
    for (const s of series) {
      const p = m.payloads?.[s.message]?.[s.case] ?? (s.message === STOP ? m.payloads?.[s.case] : undefined);
      const label = s.label ?? p?.label ?? s.case;
      const w = Math.round(20 + label.length * 6.2);
      if (lx + w > W - 10) {
        lx = plotX;
        y += 14;
      }
      parts.push(`<rect x="${lx}" y="${y - 9}" width="10" height="10" fill="${s.color}"/><text x="${lx + 14}" y="${y}" font-size="11">${esc(label)}</text>`);
      lx += w;
    }
    y += 10;
    const groupsTop = y;
    const groups = [];
    for (const id of ids) {
      const gr = series.map((s) => [s, panelRows.find((r) => r.id === id && inPanel(r, s))]).filter(([, r]) => r);
      const h = gr.length * (barH + barGap);
      const first = gr[0][1];
      const isOurs = first.kind === "ours" || first.kind === "batch";
      groups.push(`<text x="${labelW}" y="${y + h / 2 + 4}" text-anchor="end" font-size="11"${isOurs ? ' font-weight="bold"' : ""}${first.kind === "noop" || first.kind === "crossing" ? ' fill="#777" font-style="italic"' : ""}>${esc(groupLabel(first.name))}</text>`);
      gr.forEach(([s, r], i) => {
        const by = y + i * (barH + barGap);
        const x0 = x(lo), x1 = x(Math.max(lo, Math.min(hi, r.ratioToAjv)));
        groups.push(`<rect x="${x0.toFixed(1)}" y="${by}" width="${Math.max(1, x1 - x0).toFixed(1)}" height="${barH}" fill="${s.color}"${r.kind === "noop" || r.kind === "crossing" ? ' fill-opacity="0.45"' : ""}><title>${esc(`${messageOf(r)} ${r.case} · ${r.form} · ${r.name}: ${fmtRatio(r.ratioToAjv)} (${r.nsPerOp.toFixed(0)} ns/op, ${r.mbPerS.toFixed(1)} MB/s)`)}</title></rect>`);
        groups.push(`<text x="${(x1 + 3).toFixed(1)}" y="${by + barH - 1}" font-size="8" fill="#333">${fmtRatio(r.ratioToAjv)}</text>`);
      });
      y += h + groupGap;
    }
    // grid (1-2-5 per decade) under the bars, with the 1× line emphasised
    const grid = [];
    for (let e = Math.round(Math.log10(lo)); e <= Math.round(Math.log10(hi)); e++) {
      for (const f of [1, 2, 5]) {
        const v = +(f * 10 ** e).toPrecision(3);
        if (v > hi * 1.0001) break;
        const gx = x(v).toFixed(1);
        const one = Math.abs(v - 1) < 1e-9;
        grid.push(`<line x1="${gx}" y1="${groupsTop - 4}" x2="${gx}" y2="${y - groupGap + 2}" stroke="${one ? "#000" : "#ddd"}" stroke-width="${one ? 1.2 : 1}"${f === 1 || one ? "" : ' stroke-dasharray="2,2"'}/>`);
        if (f === 1 || f === 5) grid.push(`<text x="${gx}" y="${y - groupGap + 14}" text-anchor="middle" font-size="9" fill="#666">${v}×</text>`);
      }
    }
    y += 12;
    parts.push(...grid, ...groups);
    parts.push(`<rect x="4" y="${top}" width="${W - 8}" height="${y - top}" fill="none" stroke="#ccc"/>`);
  }

  if (data.targets?.length) {
    y += 22;
    parts.push(`<text x="10" y="${y}" font-size="13" font-weight="bold">Targets (Buffer input, ratio to JSON.parse + ajv in the same run; printed, never asserted)</text>`);
    for (const t of data.targets) {
      y += 15;
      const v = t.value == null ? "—" : t.metric === "ratio" ? fmtRatio(t.value) : `${Math.round(t.value)} MB/s`;
      const color = t.status === "met" ? "#2a7d2a" : t.status === "missed" ? "#c0392b" : "#777";
      parts.push(`<text x="20" y="${y}" font-size="11"><tspan fill="${color}" font-weight="bold">${esc(t.status.toUpperCase())}</tspan>  ${esc(t.name)}: ${esc(v)}</text>`);
    }
  }
  y += 16;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${y}" viewBox="0 0 ${W} ${y}" font-family="system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif">\n<rect width="100%" height="100%" fill="#fff"/>\n${parts.join("\n")}\n</svg>\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = dirname(fileURLToPath(import.meta.url));
  const input = resolve(process.argv[2] ?? join(here, "results", "latest.json"));
  const output = resolve(process.argv[3] ?? join(here, "results", "chart.svg"));
  writeFileSync(output, renderChart(JSON.parse(readFileSync(input, "utf8"))));
  console.log(`chart: ${output}`);
}
