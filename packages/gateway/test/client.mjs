// A ws client playing a charge point, for the policy and observability tests: every wait is for
// a message or a close, never for a time.
import { request } from "node:http";
import WebSocket from "ws";

/**
 * Opens `url`; resolves once open. `next()` is the next message parsed, `nextRaw()` its text,
 * `request(action, payload)` sends a CALL and resolves with the parsed answer, `closed` the close
 * code and reason. `options` go to the `ws` client (its `maxPayload` defaults to 16 MiB, so the
 * gateway's own limit is what a test meets).
 * @returns {Promise<WebSocket & { next(): Promise<any>, nextRaw(): Promise<string>, exchange(text: string): Promise<any>, request(action: string, payload: unknown): Promise<any>, closed: Promise<{ code: number, reason: string }> }>}
 */
export function connect(url, protocols = ["ocpp1.6"], options = {}) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, { maxPayload: 16 << 20, ...options });
    const messages = [];
    const waiters = [];
    let seq = 0;
    ws.on("message", (data) => {
      const text = data.toString();
      const w = waiters.shift();
      if (w) w(text);
      else messages.push(text);
    });
    const nextRaw = () => (messages.length ? Promise.resolve(messages.shift()) : new Promise((r) => waiters.push(r)));
    ws.once("open", () =>
      resolve(
        Object.assign(ws, {
          nextRaw,
          next: async () => JSON.parse(await nextRaw()),
          /** Sends raw text and resolves with the parsed answer. */
          exchange: (text) => (ws.send(text), nextRaw().then((t) => JSON.parse(t))),
          request: (action, payload) => {
            ws.send(JSON.stringify([2, `r-${++seq}`, action, payload]));
            return nextRaw().then((t) => JSON.parse(t));
          },
          closed: new Promise((r) => ws.once("close", (code, reason) => r({ code, reason: reason.toString() }))),
        }),
      ),
    );
    ws.once("error", reject);
    ws.once("unexpected-response", (_req, res) => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode })));
  });
}

/** A plain HTTP request: resolves with status, headers and body text. */
export function httpRequest(url, method = "GET") {
  return new Promise((resolve, reject) => {
    const req = request(url, { method }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}
