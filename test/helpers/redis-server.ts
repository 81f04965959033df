/**
 * A real `redis-server` for tests: its own process on a free 127.0.0.1 port with a temporary data
 * folder, no system service involved. `stop()` and `start()` take it down and bring it back on the
 * same port and folder, for fault tests.
 *
 * @example
 * const redis = useRedisServer();
 * it("talks to Redis", async () => {
 *   const store = await createRedisSessionStore({ url: redis().url });
 * });
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";

export interface RedisServerOptions {
  /** Turns on the append-only file, so data survives `stop()` and `start()` (default false). */
  readonly appendOnly?: boolean;
  /** `appendfsync` with the append-only file: `always`, `everysec` (Redis's default) or `no`. */
  readonly appendFsync?: "always" | "everysec" | "no";
  /** Sets `requirepass`: clients must then authenticate with it. */
  readonly password?: string;
  /** How long to wait for the server to answer PING after starting (default 10 000 ms). */
  readonly readyTimeoutMs?: number;
}

export interface RedisServer {
  readonly host: string;
  readonly port: number;
  /** `redis://127.0.0.1:<port>`, with the password when one is set. */
  readonly url: string;
  /** The server's working folder (append-only file and dumps). */
  readonly dir: string;
  /** Whether the process is running. */
  readonly running: boolean;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s); the port and folder are kept. */
  stop(): Promise<void>;
  /** Kills the server with SIGKILL, as a crash would (no shutdown work); the port and folder are kept. */
  crash(): Promise<void>;
  /** Starts it again on the same port and folder, and waits until it answers PING. */
  start(): Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open but nothing answers, like a hung server. */
  pause(): void;
  /** Lets a paused process run again (SIGCONT). */
  resume(): void;
  /** Stops the server and removes its folder. */
  close(): Promise<void>;
}

const HOST = "127.0.0.1";
const NOT_INSTALLED =
  "redis-server is not installed (or not on PATH). The tests start their own Redis; .ci/run installs it with `apt-get install redis-server` (on macOS: `brew install redis`).";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves true when something on the port answers PING (PONG, or NOAUTH when a password is set). */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: HOST, port });
    const finish = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1_000, () => finish(false));
    socket.once("error", () => finish(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => finish(/^(\+PONG|-NOAUTH)/.test(data.toString("latin1"))));
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

/**
 * Starts a `redis-server` on a free port with a fresh temporary folder and no RDB snapshots.
 *
 * @example
 * const redis = await startRedisServer({ appendOnly: true });
 * await redis.stop();
 * await redis.start(); // same port, data kept by the append-only file
 * await redis.close();
 */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), "flowmachine-redis-"));
  const readyTimeoutMs = options.readyTimeoutMs ?? 10_000;
  let port = 0;
  let child: ChildProcess | undefined;

  const launch = async (): Promise<void> => {
    const args = ["--port", String(port), "--bind", HOST, "--dir", dir, "--save", "", "--daemonize", "no"];
    args.push("--appendonly", options.appendOnly === true ? "yes" : "no", "--logfile", "");
    if (options.appendFsync !== undefined) args.push("--appendfsync", options.appendFsync);
    if (options.password !== undefined) args.push("--requirepass", options.password);
    const proc = spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] });
    child = proc;
    let output = "";
    proc.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const failed = new Promise<never>((_, reject) => {
      proc.once("error", (error: NodeJS.ErrnoException) =>
        reject(
          new Error(
            error.code === "ENOENT" ? NOT_INSTALLED : `redis-server failed to start: ${error.message}`,
          ),
        ),
      );
      proc.once("exit", (code, signal) =>
        reject(
          new Error(
            `redis-server exited at start (${signal ?? code}) on port ${port}:\n${output.slice(-2_000)}`,
          ),
        ),
      );
    });
    failed.catch(() => undefined);
    // Our own log line proves that this process bound the port (not another server that took it).
    const ready = (async () => {
      const deadline = Date.now() + readyTimeoutMs;
      while (Date.now() < deadline) {
        if (proc.exitCode !== null || proc.signalCode !== null) return failed;
        if (output.includes("Ready to accept connections") && (await answersPing(port))) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(
        `redis-server on port ${port} did not answer PING within ${readyTimeoutMs} ms:\n${output}`,
      );
    })();
    await Promise.race([ready, failed]);
  };

  const stop = async (signal: "SIGTERM" | "SIGKILL" = "SIGTERM"): Promise<void> => {
    const proc = child;
    child = undefined;
    if (proc?.pid === undefined || proc.exitCode !== null || proc.signalCode !== null) return;
    const done = exited(proc);
    proc.kill("SIGCONT");
    proc.kill(signal);
    const killer = setTimeout(() => proc.kill("SIGKILL"), 5_000);
    await done;
    clearTimeout(killer);
  };

  // Another process may take the free port between the probe and redis-server's bind: try again.
  for (let attempt = 1; ; attempt += 1) {
    port = await freePort();
    try {
      await launch();
      break;
    } catch (error) {
      await stop();
      if (attempt >= 3 || (error instanceof Error && error.message === NOT_INSTALLED)) {
        rmSync(dir, { recursive: true, force: true });
        throw error;
      }
    }
  }

  const auth = options.password === undefined ? "" : `:${encodeURIComponent(options.password)}@`;
  return {
    host: HOST,
    get port() {
      return port;
    },
    get url() {
      return `redis://${auth}${HOST}:${port}`;
    },
    dir,
    get running() {
      return child !== undefined && child.exitCode === null && child.signalCode === null;
    },
    stop: () => stop(),
    crash: () => stop("SIGKILL"),
    async start() {
      if (child !== undefined) return;
      await launch();
    },
    pause() {
      child?.kill("SIGSTOP");
    },
    resume() {
      child?.kill("SIGCONT");
    },
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Starts a Redis server before the file's tests and stops it after them; call the returned
 * function inside a test to get the server.
 *
 * @example
 * const redis = useRedisServer({ appendOnly: true });
 * it("...", async () => { await redis().stop(); await redis().start(); });
 */
export function useRedisServer(options: RedisServerOptions = {}): () => RedisServer {
  let server: RedisServer | undefined;
  beforeAll(async () => {
    server = await startRedisServer(options);
  });
  afterAll(async () => {
    await server?.close();
  });
  return () => {
    if (server === undefined) throw new Error("useRedisServer: the server is only available inside tests.");
    return server;
  };
}
