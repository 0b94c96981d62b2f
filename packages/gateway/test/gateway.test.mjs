// The gateway on port 0, driven by real WebSocket clients with hostile traffic; after every test
// the server must still answer a plain valid call.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startGateway } from "../src/gateway.mjs";

const PAYLOAD = '{"transactionId":1,"timestamp":"2024-05-17T14:32:05Z","meterStop":100}';
const call = (id, payload = PAYLOAD, action = "StopTransaction") => `[2,${JSON.stringify(id)},${JSON.stringify(action)},${payload}]`;
const ACCEPTED = (id) => [3, id, { idTagInfo: { status: "Accepted" } }];

/** @type {Awaited<ReturnType<typeof startGateway>>} */
let gw;
/** @type {Awaited<ReturnType<typeof startGateway>>} */
let strict;

beforeAll(async () => {
  gw = await startGateway({ port: 0, heartbeatMs: 0 });
  strict = await startGateway({ port: 0, heartbeatMs: 0, strictUtf8: true, maxPayload: 64 * 1024 });
});
afterAll(async () => {
  await gw?.close();
  await strict?.close();
});

/** Opens a client; resolves once open. */
function connect(url = gw.url + "CP-1", protocols = ["ocpp1.6"], options = {}) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols, { maxPayload: 16 << 20, ...options });
    const messages = [];
    const waiters = [];
    ws.on("message", (data) => {
      const w = waiters.shift();
      if (w) w(JSON.parse(data.toString()));
      else messages.push(JSON.parse(data.toString()));
    });
    ws.once("open", () =>
      resolve(
        Object.assign(ws, {
          /** Next answer from the gateway. */
          next: () => (messages.length ? Promise.resolve(messages.shift()) : new Promise((r) => waiters.push(r))),
          closed: new Promise((r) => ws.once("close", (code, reason) => r({ code, reason: reason.toString() }))),
        }),
      ),
    );
    ws.once("error", reject);
    ws.once("unexpected-response", (_req, res) => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode })));
  });
}

/** Resolves once `server` has seen the connection of every charge point in `ids` close (register before they connect). */
function closedOnServer(server, ids) {
  const pending = new Set(ids);
  return new Promise((resolve) => {
    const onClose = (/** @type {string} */ id) => {
      pending.delete(id);
      if (pending.size > 0) return;
      server.events.off("close", onClose);
      resolve(undefined);
    };
    server.events.on("close", onClose);
  });
}

async function expectStillServing(server = gw) {
  const ws = await connect(server.url + "CP-check");
  ws.send(call("alive"));
  expect(await ws.next()).toEqual(ACCEPTED("alive"));
  ws.close();
}

describe("gateway answers", () => {
  it("a valid StopTransaction with CALLRESULT Accepted, echoing the uniqueId", async () => {
    const ws = await connect();
    expect(ws.protocol).toBe("ocpp1.6");
    ws.send(call("a-1"));
    expect(await ws.next()).toEqual(ACCEPTED("a-1"));
    ws.send(call('q"\\\u2028'));
    expect(await ws.next()).toEqual(ACCEPTED('q"\\\u2028'));
    ws.close();
  });

  it("payload failures with the keyword's CallError code and the issues in details", async () => {
    const ws = await connect();
    ws.send(call("b-1", '{"transactionId":"x","timestamp":"2024-05-17T14:32:05Z","meterStop":1}'));
    expect(await ws.next()).toEqual([4, "b-1", "TypeConstraintViolation", "Payload is not a valid StopTransaction.req: /transactionId type", { issues: [{ instancePath: "/transactionId", keyword: "type" }] }]);
    ws.send(call("b-2", "{}"));
    expect((await ws.next()).slice(0, 3)).toEqual([4, "b-2", "OccurenceConstraintViolation"]);
    ws.close();
  });

  it("other actions with NotImplemented, broken envelopes with ProtocolError, non-JSON with FormationViolation", async () => {
    const ws = await connect();
    ws.send(call("c-1", "{}", "BootNotification"));
    expect((await ws.next()).slice(0, 3)).toEqual([4, "c-1", "NotImplemented"]);
    ws.send(`[2,"${"x".repeat(37)}","StopTransaction",${PAYLOAD}]`);
    expect((await ws.next()).slice(0, 3)).toEqual([4, "x".repeat(37), "ProtocolError"]);
    ws.send(`{"not":"an array"}`);
    expect((await ws.next()).slice(0, 3)).toEqual([4, "-1", "ProtocolError"]);
    ws.send(`[2,"c-2","StopTransaction",{`);
    expect((await ws.next()).slice(0, 3)).toEqual([4, "-1", "FormationViolation"]);
    ws.send("");
    expect((await ws.next()).slice(0, 3)).toEqual([4, "-1", "FormationViolation"]);
    // responses from the charge point are not answered: the next answer is for c-3
    ws.send(`[3,"whatever",{}]`);
    ws.send(`[4,"whatever","GenericError","",{}]`);
    ws.send(call("c-3"));
    expect(await ws.next()).toEqual(ACCEPTED("c-3"));
    ws.close();
  });
});

describe("gateway refuses", () => {
  it("connections without the ocpp1.6 subprotocol (400) or off /ocpp/<id> (404)", async () => {
    await expect(connect(gw.url + "CP-1", ["ocpp2.0.1"])).rejects.toMatchObject({ status: 400 });
    await expect(connect(gw.url + "CP-1", [])).rejects.toMatchObject({ status: 400 });
    await expect(connect(gw.url.replace("/ocpp/", "/other/") + "CP-1")).rejects.toMatchObject({ status: 404 });
    await expect(connect(gw.url)).rejects.toMatchObject({ status: 404 });
    await expect(connect(gw.url + "x".repeat(49))).rejects.toMatchObject({ status: 404 });
    const ok = await connect(gw.url + "CP%20with%20space", ["ocpp2.0.1", "ocpp1.6"]);
    expect(ok.protocol).toBe("ocpp1.6");
    ok.close();
    await expectStillServing();
  });
});

describe("gateway survives", () => {
  it("a 1 MB frame (answered) and a frame above maxPayload (connection closed with 1009)", async () => {
    const ws = await connect();
    const big = PAYLOAD.replace("}", `,"transactionData":[{"timestamp":"2024-05-17T14:32:05Z","sampledValue":[{"value":"${"9".repeat(1 << 20)}"}]}]}`);
    ws.send(call("big", big));
    expect(await ws.next()).toEqual(ACCEPTED("big"));
    ws.send(call("too-big", big.replace("9", "9".repeat(1 << 20))));
    expect((await ws.closed).code).toBe(1009);
    await expectStillServing();
  });

  it("100 000 nested brackets in the payload and as the whole frame", async () => {
    const ws = await connect();
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    ws.send(call("deep", PAYLOAD.replace("}", `,"x":${deep}}`)));
    expect((await ws.next()).slice(0, 3)).toEqual([4, "deep", "FormationViolation"]);
    ws.send(deep);
    expect((await ws.next()).slice(0, 3)).toEqual([4, "-1", "ProtocolError"]);
    ws.send("[".repeat(100_000));
    expect((await ws.next()).slice(0, 3)).toEqual([4, "-1", "FormationViolation"]);
    ws.close();
    await expectStillServing();
  });

  it("invalid UTF-8 in text and binary frames: FormationViolation, connection kept", async () => {
    const ws = await connect();
    const bad = Buffer.concat([Buffer.from('[2,"u-1","StopTransaction",{"idTag":"'), Buffer.from([0xc0, 0xaf]), Buffer.from(`",${PAYLOAD.slice(1)}]`)]);
    ws.send(bad, { binary: false });
    expect(await ws.next()).toEqual([4, "-1", "FormationViolation", "Frame is not a valid UTF-8 JSON text", {}]);
    ws.send(bad, { binary: true });
    expect((await ws.next()).slice(0, 3)).toEqual([4, "-1", "FormationViolation"]);
    ws.send(Buffer.from(call("u-2")), { binary: true });
    expect(await ws.next()).toEqual(ACCEPTED("u-2"));
    ws.close();
  });

  it("with strictUtf8, ws closes a connection sending invalid UTF-8 text with 1007 and keeps serving", async () => {
    const ws = await connect(strict.url + "CP-strict");
    ws.send(Buffer.from([0x5b, 0xff, 0x5d]), { binary: false });
    expect((await ws.closed).code).toBe(1007);
    await expectStillServing(strict);
  });

  it("half-closed sockets: a client that sends and then ends its side", async () => {
    const before = gw.stats.open;
    const ids = Array.from({ length: 20 }, (_, i) => `CP-half-${i}`);
    const allClosed = closedOnServer(gw, ids);
    for (const id of ids) {
      const ws = await connect(gw.url + id);
      ws.send(call(id));
      ws._socket.end(); // FIN after the frame: the gateway reads the call, then the end
    }
    // The gateway closes each of them (a leak would never resolve this; testTimeout catches it).
    await allClosed;
    // Connections of earlier tests may still be closing when `before` was read: at most that many.
    expect(gw.stats.open).toBeLessThanOrEqual(before);
    // and a raw TCP connection that half-closes in the middle of the HTTP upgrade
    const { connect: tcp } = await import("node:net");
    await new Promise((resolve) => {
      const s = tcp(gw.port, "127.0.0.1", () => {
        s.end("GET /ocpp/CP-raw HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n");
      });
      s.on("close", resolve);
      s.on("error", resolve);
      s.resume();
    });
    await expectStillServing();
  });

  it("3000 concurrent connections, one call each, every one answered", async () => {
    const n = 3000;
    // Opened in waves below the listen backlog (511), so no SYN is dropped and retried on the
    // kernel's clock when the machine is slow; all 3000 are open at once before any call is sent.
    const clients = [];
    for (let i = 0; i < n; i += 250) {
      clients.push(...(await Promise.all(Array.from({ length: Math.min(250, n - i) }, (_, k) => connect(gw.url + `CP-${i + k}`)))));
    }
    const answers = await Promise.all(
      clients.map((ws, i) => {
        ws.send(call(`m-${i}`, i % 20 === 0 ? "{}" : PAYLOAD));
        return ws.next();
      }),
    );
    answers.forEach((a, i) => expect(a.slice(0, 2)).toEqual(i % 20 === 0 ? [4, `m-${i}`] : [3, `m-${i}`]));
    expect(gw.stats.open).toBeGreaterThanOrEqual(n);
    await Promise.all(clients.map((ws) => (ws.close(), ws.closed)));
    await expectStillServing();
  });
});
