// The metrics registry and its bounds, without a server: the exposition parses strictly as
// Prometheus text 0.0.4, label values are escaped, charge point ids and paths stay bounded.
import { describe, expect, it } from "vitest";
import { ChargePointLabels, CONTENT_TYPE, OTHER_CHARGE_POINT, Registry, escapeLabelValue, pathLabel } from "../src/metrics.mjs";
import { parsePrometheus, sample } from "./prometheus.mjs";

describe("Registry", () => {
  it("renders HELP, TYPE and one line per series; optional labels left out; collected families read at scrape time", () => {
    const r = new Registry();
    const c = r.counter("demo_events_total", "Events.\nSecond line with a \\ backslash.", ["kind", "extra"]);
    c.inc(["a", undefined]);
    c.inc(["a", undefined], 2);
    c.inc(["b", "x"]);
    let open = 3;
    r.gauge("demo_open", "Open now.", [], () => [[[], open]]);
    r.counter("demo_empty_total", "Never counted.", ["kind"]);
    expect(r.render()).toBe(
      [
        "# HELP demo_events_total Events.\\nSecond line with a \\\\ backslash.",
        "# TYPE demo_events_total counter",
        'demo_events_total{kind="a"} 3',
        'demo_events_total{kind="b",extra="x"} 1',
        "# HELP demo_open Open now.",
        "# TYPE demo_open gauge",
        "demo_open 3",
        "# HELP demo_empty_total Never counted.",
        "# TYPE demo_empty_total counter",
        "",
      ].join("\n"),
    );
    open = 7;
    const parsed = parsePrometheus(r.render());
    expect(parsed.get("demo_events_total").help).toBe("Events.\nSecond line with a \\ backslash.");
    expect(sample(parsed, "demo_open")).toBe(7);
    expect(sample(parsed, "demo_events_total", { kind: "b", extra: "x" })).toBe(1);
    expect(parsed.get("demo_empty_total").samples).toEqual([]);
    expect(c.get(["a", undefined])).toBe(3);
    expect(c.get(["zzz", undefined])).toBe(0);
    expect(CONTENT_TYPE).toBe("text/plain; version=0.0.4; charset=utf-8");
  });

  it("escapes \\, \" and newlines in label values, and the parser reads them back exactly", () => {
    const nasty = ['back\\slash', 'quo"te', "new\nline", "all \\\"\n at once \\n", "} , = {", "", "\u00e9\u{1F600}", "\r\t"];
    expect(escapeLabelValue('a\\b"c\nd')).toBe('a\\\\b\\"c\\nd');
    const r = new Registry();
    const c = r.counter("demo_total", "x", ["v"]);
    for (const v of nasty) c.inc([v]);
    const parsed = parsePrometheus(r.render());
    expect(parsed.get("demo_total").samples.map((s) => s.labels.v)).toEqual(nasty);
    // Each series stays on its own line: the raw newline never reaches the text.
    expect(r.render().split("\n")).toHaveLength(2 + nasty.length + 1);
  });

  it("keeps label lists apart that a separator would merge", () => {
    const r = new Registry();
    const c = r.counter("demo_total", "x", ["a", "b"]);
    c.inc(["x\u0000", "y"]);
    c.inc(["x", "\u0000y"]);
    expect(parsePrometheus(r.render()).get("demo_total").samples).toHaveLength(2);
  });

  it("refuses invalid names, a family registered twice and a wrong number of label values", () => {
    const r = new Registry();
    expect(() => r.counter("bad-name", "x")).toThrow(TypeError);
    expect(() => r.counter("ok_total", "x", ["bad-label"])).toThrow(TypeError);
    expect(() => r.counter("ok_total", "x", ["__reserved"])).toThrow(TypeError);
    const c = r.counter("ok_total", "x", ["a"]);
    expect(() => r.gauge("ok_total", "x")).toThrow(/twice/);
    expect(() => c.inc([])).toThrow(/1 labels/);
  });
});

describe("the strict parser (so that a passing parse means something)", () => {
  const ok = "# HELP a_total x\n# TYPE a_total counter\na_total 1\n";
  it.each([
    ["no final newline", ok.slice(0, -1)],
    ["a blank line", ok + "\n"],
    ["a sample before TYPE", "# HELP a_total x\na_total 1\n# TYPE a_total counter\n"],
    ["a sample of an undeclared family", ok + "b 1\n"],
    ["a second TYPE", ok + "# TYPE a_total counter\n"],
    ["a family split in two groups", ok + "# HELP b x\n# TYPE b gauge\nb 1\na_total 2\n"],
    ["a bad escape in a label value", '# HELP a x\n# TYPE a gauge\na{l="\\t"} 1\n'],
    ["an unterminated label value", '# HELP a x\n# TYPE a gauge\na{l="x} 1\n'],
    ["a duplicate label", '# HELP a x\n# TYPE a gauge\na{l="x",l="y"} 1\n'],
    ["a trailing comma", '# HELP a x\n# TYPE a gauge\na{l="x",} 1\n'],
    ["the same series twice", '# HELP a x\n# TYPE a gauge\na{l="x"} 1\na{l="x"} 2\n'],
    ["a bad value", "# HELP a x\n# TYPE a gauge\na one\n"],
    ["a negative counter", "# HELP a_total x\n# TYPE a_total counter\na_total -1\n"],
    ["no HELP", "# TYPE a gauge\na 1\n"],
  ])("rejects %s", (_what, text) => {
    expect(() => parsePrometheus(text)).toThrow();
  });
  it("accepts the format's values", () => {
    const f = parsePrometheus("# HELP a x\n# TYPE a gauge\na{l=\"1\"} +Inf\na{l=\"2\"} NaN\na{l=\"3\"} -1.5e3\na{} 0\n");
    expect(f.get("a").samples.map((s) => s.value)).toEqual([Infinity, NaN, -1500, 0]);
  });
});

describe("bounded labels", () => {
  it("pathLabel replaces array indices by * and cuts very long paths", () => {
    expect(pathLabel("")).toBe("");
    expect(pathLabel("/meterValue/3/sampledValue/12/unit")).toBe("/meterValue/*/sampledValue/*/unit");
    expect(pathLabel("/transactionData/0")).toBe("/transactionData/*");
    expect(pathLabel("/a1/1b/007")).toBe("/a1/1b/*");
    const long = pathLabel("/x".repeat(500));
    expect(long.length).toBeLessThanOrEqual(200);
    expect(long.endsWith("…")).toBe(true);
  });

  it("ChargePointLabels tracks the first N ids for good and folds the rest, and over-long ids, into \"other\"", () => {
    const l = new ChargePointLabels({ max: 2, maxLength: 10 });
    expect([l.of("CP-1"), l.of("CP-2"), l.of("CP-3"), l.of("CP-1"), l.of("x".repeat(11))]).toEqual(["CP-1", "CP-2", OTHER_CHARGE_POINT, "CP-1", OTHER_CHARGE_POINT]);
    expect(l.tracked.size).toBe(2);
    expect(l.folded).toBe(2);
    const long = new ChargePointLabels({ max: 5, maxLength: 10 });
    expect(long.of("x".repeat(11))).toBe(OTHER_CHARGE_POINT);
    expect(long.tracked.size).toBe(0);
    expect(new ChargePointLabels({ max: 0 }).of("CP-1")).toBe(OTHER_CHARGE_POINT);
    expect(() => new ChargePointLabels({ max: -1 })).toThrow(TypeError);
  });
});
