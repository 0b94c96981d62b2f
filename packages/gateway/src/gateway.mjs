// @ts-check
/**
 * An example OCPP-J 1.6 gateway: a `ws` server on /ocpp/<chargePointId> (subprotocol ocpp1.6)
 * that validates every incoming message with ocpp-validate's validateFrame (on the raw Buffer,
 * never a string) and answers StopTransaction CALLs with a CALLRESULT
 * `{"idTagInfo":{"status":"Accepted"}}` or the CALLERROR the validator built.
 *
 * Hostile input it is built to survive (see test/gateway.test.mjs):
 * - frames above `maxPayload` (default 2 MiB): ws closes that connection with 1009 before
 *   buffering more than the limit;
 * - deep nesting and huge strings: the validator is iterative and O(n);
 * - invalid UTF-8: ws's own check is switched off (`skipUTF8Validation`) because the validator
 *   checks UTF-8 in the same pass and the charge point gets a FormationViolation CALLERROR instead
 *   of losing its connection (RFC 6455 would close with 1007; `strictUtf8: true` restores that);
 *   binary frames are validated exactly like text frames;
 * - half-closed sockets and peers that stop reading: answers are dropped once a connection has
 *   `maxBufferedBytes` unsent, that connection is terminated, and a ping/pong sweep removes dead
 *   peers;
 * - thousands of connections: per-connection state is a few fields; nothing is per-message global.
 */
import { EventEmitter } from "node:events";
import { createServer } from "node:http";
import { createValidator } from "ocpp-validate";
import { WebSocketServer } from "ws";

export const SUBPROTOCOL = "ocpp1.6";
export const DEFAULT_MAX_PAYLOAD = 2 * 1024 * 1024;
/** OCPP 1.6 identifies a charge point by a CiString of at most 48 characters. */
const MAX_CHARGE_POINT_ID = 48;
const PATH = /^\/ocpp\/([^/?#]+)\/?(?:\?.*)?$/;

/**
 * @typedef {object} GatewayOptions
 * @property {number} [port]             0 = any free port (default 9000)
 * @property {string} [host]             default 127.0.0.1
 * @property {"auto" | "native" | "wasm" | "js"} [backend]
 * @property {number} [maxPayload]       largest accepted message in bytes (default 2 MiB)
 * @property {boolean} [allErrors]       CALLERRORs list every payload issue (default: the first)
 * @property {boolean} [strictUtf8]      let ws close connections that send invalid UTF-8 text (1007)
 * @property {number} [maxBufferedBytes] unsent bytes after which a peer that does not read is dropped
 * @property {number} [heartbeatMs]      ping interval; peers that miss a pong are terminated (0 = off)
 * @property {(line: string) => void} [log]
 */

/**
 * @param {GatewayOptions} [options]
 */
export async function startGateway(options = {}) {
  const {
    port = 9000,
    host = "127.0.0.1",
    backend = "auto",
    maxPayload = DEFAULT_MAX_PAYLOAD,
    allErrors = false,
    strictUtf8 = false,
    maxBufferedBytes = 8 * 1024 * 1024,
    heartbeatMs = 30_000,
    log = () => {},
  } = options;
  const validator = createValidator({ backend });
  const stats = { connections: 0, open: 0, messages: 0, results: 0, errors: /** @type {Record<string, number>} */ ({}), ignored: 0, dropped: 0, rejected: 0 };
  /** "connection" (chargePointId) and "close" (chargePointId, code) per charge point connection. */
  const events = new EventEmitter();
  /** @type {WeakMap<import("ws").WebSocket, { alive: boolean, id: string }>} */
  const peers = new WeakMap();

  const http = createServer((req, res) => {
    res.writeHead(426, { "content-type": "text/plain", upgrade: "websocket" });
    res.end(`OCPP-J endpoint: connect a WebSocket to /ocpp/<chargePointId> with subprotocol ${SUBPROTOCOL}\n`);
  });
  http.on("clientError", (_err, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy();
  });

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload,
    perMessageDeflate: false,
    skipUTF8Validation: !strictUtf8,
    clientTracking: true,
    // The upgrade handler has already refused clients that do not offer it.
    handleProtocols: () => SUBPROTOCOL,
  });

  http.on("upgrade", (req, socket, head) => {
    socket.on("error", () => socket.destroy());
    const match = PATH.exec(req.url ?? "");
    let chargePointId = "";
    try {
      chargePointId = match ? decodeURIComponent(match[1] ?? "") : "";
    } catch {
      chargePointId = "";
    }
    const offered = String(req.headers["sec-websocket-protocol"] ?? "").split(",").map((p) => p.trim());
    const refuse = (/** @type {string} */ status) => {
      stats.rejected++;
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (!chargePointId || chargePointId.length > MAX_CHARGE_POINT_ID) return refuse("404 Not Found");
    // OCPP-J 1.6 §3.1.2: a server that does not speak the offered subprotocol refuses the upgrade.
    if (!offered.includes(SUBPROTOCOL)) return refuse("400 Bad Request");
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req, chargePointId));
  });

  wss.on("connection", (/** @type {import("ws").WebSocket} */ ws, _req, /** @type {string} */ chargePointId) => {
    stats.connections++;
    stats.open++;
    peers.set(ws, { alive: true, id: chargePointId });
    events.emit("connection", chargePointId);
    ws.on("pong", () => {
      const p = peers.get(ws);
      if (p) p.alive = true;
    });
    ws.on("error", (err) => log(`${chargePointId}: ${err.message}`));
    ws.on("close", (code) => {
      stats.open--;
      events.emit("close", chargePointId, code);
    });
    ws.on("message", (/** @type {Buffer} */ data) => {
      stats.messages++;
      const frame = validator.validateFrame(data, { allErrors });
      /** @type {string | null} */
      let answer = null;
      if (frame.valid) {
        stats.results++;
        answer = `[3,${JSON.stringify(frame.uniqueId)},{"idTagInfo":{"status":"Accepted"}}]`;
      } else if (frame.callError) {
        const code = frame.callError.errorCode;
        stats.errors[code] = (stats.errors[code] ?? 0) + 1;
        answer = frame.callError.frame;
      } else {
        // CALLRESULT / CALLERROR from the charge point: this gateway sends no CALLs, so nothing waits for them.
        stats.ignored++;
      }
      if (answer === null) return;
      if (ws.bufferedAmount > maxBufferedBytes) {
        // The peer stopped reading (or half-closed): stop spending memory on it.
        stats.dropped++;
        ws.terminate();
        return;
      }
      ws.send(answer);
    });
  });

  const heartbeat =
    heartbeatMs > 0
      ? setInterval(() => {
          for (const ws of wss.clients) {
            const p = peers.get(ws);
            if (!p || !p.alive) {
              ws.terminate();
              continue;
            }
            p.alive = false;
            ws.ping();
          }
        }, heartbeatMs).unref()
      : null;

  await new Promise((resolve, reject) => {
    http.once("error", reject);
    http.listen(port, host, () => resolve(undefined));
  });
  const address = http.address();
  const boundPort = typeof address === "object" && address ? address.port : port;

  return {
    port: boundPort,
    host,
    url: `ws://${host}:${boundPort}/ocpp/`,
    backend: validator.backend,
    maxPayload,
    stats,
    /** Emits "connection" (chargePointId) when a charge point connects, "close" (chargePointId, code) when it is gone. */
    events,
    /** Closes every connection (1001 going away) and the listener. */
    close() {
      if (heartbeat) clearInterval(heartbeat);
      for (const ws of wss.clients) ws.close(1001, "gateway shutting down");
      const forced = setTimeout(() => {
        for (const ws of wss.clients) ws.terminate();
      }, 1000).unref();
      return new Promise((resolve) => {
        wss.close(() => {
          http.close(() => {
            clearTimeout(forced);
            resolve(undefined);
          });
          http.closeAllConnections();
        });
      });
    },
  };
}
