/**
 * Child processes of the HTTP benchmark: servers and the load generator, each a TypeScript entry run
 * by node with the tsx loader, in its own process group (so that stopping it also stops its cluster
 * workers). Also a free port, and waiting until a server answers an encrypted ping.
 *
 * @example
 * const port = await freePort();
 * const server = startTsProcess(new URL("./baseline-server.ts", import.meta.url), ["--port", String(port)]);
 * await waitUntilServing(`http://127.0.0.1:${port}/flow`, server);
 * await server.stop();
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { encryptRequest, signBody } from "../test/helpers/whatsapp-client-crypto.js";
import { BENCH_APP_SECRET } from "./sign-in-traffic.js";
import { kat } from "../test/helpers/crypto-kat.js";

/** A started child process and what it printed so far. */
export interface TsProcess {
  readonly child: ChildProcess;
  /** stdout and stderr, interleaved (the last 64 KiB). */
  output(): string;
  /** stdout alone (the last 64 KiB). */
  stdout(): string;
  /** Resolves with the exit code (or signal) when the process ends. */
  readonly exited: Promise<number | string>;
  /** SIGTERM to the whole process group, SIGKILL after `graceMs`; resolves once it ended. */
  stop(graceMs?: number): Promise<void>;
}

/** Options of {@link startTsProcess}. */
export interface TsProcessOptions {
  readonly env?: Readonly<Record<string, string>>;
  readonly cwd?: string;
}

const HOST = "127.0.0.1";
const OUTPUT_LIMIT = 64 * 1024;

/** Starts `entry` (a `.ts` file URL) with `args` in a new process group. */
export function startTsProcess(
  entry: URL,
  args: readonly string[],
  options: TsProcessOptions = {},
): TsProcess {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(entry), ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  let stdout = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout = (stdout + chunk.toString()).slice(-OUTPUT_LIMIT);
    collect(chunk);
  });
  child.stderr?.on("data", collect);
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")),
  );
  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  return {
    child,
    output: () => output,
    stdout: () => stdout,
    exited,
    async stop(graceMs = 5_000) {
      signalGroup("SIGTERM");
      const killer = setTimeout(() => signalGroup("SIGKILL"), graceMs);
      await exited;
      clearTimeout(killer);
      // Cluster workers may outlive their primary by a moment: make sure none is left.
      signalGroup("SIGKILL");
    },
  };
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
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

/** Polls `url` with an encrypted, signed ping until it answers 200; fails when `process` exits first. */
export async function waitUntilServing(url: string, server: TsProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  void server.exited.then(() => (ended = true));
  while (Date.now() < deadline) {
    if (ended) throw new Error(`the server exited before serving ${url}:\n${server.output().slice(-2_000)}`);
    const ping = encryptRequest(kat.rsa_public_key_spki_pem, { version: "3.0", action: "ping" });
    try {
      const response = await fetch(url, {
        method: "POST",
        body: ping.body,
        headers: {
          "content-type": "application/json",
          "x-hub-signature-256": signBody(ping.body, BENCH_APP_SECRET),
        },
      });
      const body = await response.text();
      if (response.status === 200) {
        ping.decryptResponse(body);
        return;
      }
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer a ping within ${timeoutMs} ms:\n${server.output().slice(-2_000)}`);
}
