/**
 * A TCP proxy on 127.0.0.1 that adds latency, for fault tests: put it in front of Redis and point the
 * server at the proxy. Each chunk is held back by what `delayFor` says (per direction, per chunk, so a
 * test can slow only the replies, or only the chunks carrying one command) and chunks keep their order,
 * as on a slow link. The rule can be changed while connections are open.
 *
 * @example
 * const proxy = await startLatencyProxy({ targetPort: redis.port });
 * proxy.setDelay(({ direction }) => (direction === "reply" ? 1_500 : 0)); // replies arrive late
 * // serve --store redis://127.0.0.1:${proxy.port}/0
 * await proxy.close();
 */
import { createConnection, createServer, type Socket } from "node:net";

/** `request`: client to target; `reply`: target to client. */
export type ProxyDirection = "request" | "reply";

/** How long to hold back one chunk, in milliseconds. */
export type DelayRule = (chunk: { readonly direction: ProxyDirection; readonly data: Buffer }) => number;

export interface LatencyProxyOptions {
  readonly targetPort: number;
  readonly targetHost?: string;
  /** The starting rule (default: no delay). */
  readonly delayFor?: DelayRule;
}

export interface LatencyProxy {
  readonly port: number;
  /** Replaces the rule; chunks already held back keep their delay. */
  setDelay(rule: DelayRule): void;
  /** Closes the listener and every proxied connection. */
  close(): Promise<void>;
}

const HOST = "127.0.0.1";

/** Forwards `from` to `to`, each chunk after its delay, in order. */
function pipeDelayed(from: Socket, to: Socket, direction: ProxyDirection, rule: () => DelayRule): void {
  let last = Promise.resolve();
  from.on("data", (data: Buffer) => {
    const due = Date.now() + Math.max(0, rule()({ direction, data }));
    last = last.then(async () => {
      const wait = due - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (!to.destroyed) to.write(data);
    });
  });
  from.on("end", () => void last.then(() => to.end()));
}

/** Starts the proxy on a free loopback port. */
export async function startLatencyProxy(options: LatencyProxyOptions): Promise<LatencyProxy> {
  let rule: DelayRule = options.delayFor ?? (() => 0);
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  };
  const server = createServer((client) => {
    const target = createConnection({ host: options.targetHost ?? HOST, port: options.targetPort });
    track(client);
    track(target);
    // A reset on one side resets the other, as a real link failure would.
    client.on("error", () => target.destroy());
    target.on("error", () => client.destroy());
    client.on("close", () => target.destroy());
    target.on("close", () => client.destroy());
    pipeDelayed(client, target, "request", () => rule);
    pipeDelayed(target, client, "reply", () => rule);
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  return {
    port,
    setDelay(next) {
      rule = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
