/**
 * `flowmachine serve` as a real child process for tests, run from source through tsx (no build needed):
 * start it in a working folder, wait for its `Listening on URL` line, talk to it over HTTP, signal it,
 * and wait for its exit, every wait bounded. `killCliChildren()` (in `afterAll`) kills whatever is left.
 *
 * @example
 * const server = await startServe(["test/helpers/sign-in-seeded-flow.ts", "--port", "0"], { cwd: dir });
 * const health = await fetch(`${server.origin}/healthz`);
 * server.signal("SIGTERM");
 * expect(await server.exited()).toEqual({ code: 0, signal: null });
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { RawAnswer, Send } from "./flow-client.js";

/** The repository's root folder. */
export const repoRoot = resolve(fileURLToPath(new URL("../..", import.meta.url)));
/** The seeded sign-in flow module tests serve. */
export const seededFlowModule = join(repoRoot, "test/helpers/sign-in-seeded-flow.ts");

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const runCli = join(repoRoot, "test/helpers/run-cli.ts");

/** Node's arguments to run a TypeScript file from source. */
export function tsxArgs(script: string, args: readonly string[]): string[] {
  return ["--import", tsxLoader, script, ...args];
}

/** A CLI process and what it printed. */
export interface CliChild {
  readonly child: ChildProcess;
  readonly pid: number;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stdout; rejects after `timeoutMs`. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** The same on stderr. */
  waitForError(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** Resolves when the process has exited; rejects after `timeoutMs`. */
  exited(timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  signal(signal: NodeJS.Signals): void;
}

/** A listening `serve` process. */
export interface ServeChild extends CliChild {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  /** The data endpoint's URL. */
  readonly flowUrl: string;
  /** The public half of the development key pair (`.flowmachine/public.pem`); "" when the server has none. */
  readonly publicKeyPem: string;
}

export interface CliOptions {
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
}

const children = new Set<ChildProcess>();
const folders = new Set<string>();

/** A fresh temporary folder, removed by {@link killCliChildren}. */
export function tempFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `flowmachine-${prefix}-`));
  folders.add(dir);
  return dir;
}

/** Runs `flowmachine ARGS` from source in `options.cwd`. */
export function spawnCli(args: readonly string[], options: CliOptions): CliChild {
  return spawnNode(tsxArgs(runCli, args), options);
}

/** Runs `node ARGS` in `options.cwd`, collecting its output. */
export function spawnNode(args: readonly string[], options: CliOptions): CliChild {
  const child = spawn(process.execPath, [...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let out = "";
  let err = "";
  const waiters = new Set<() => void>();
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
    for (const wake of waiters) wake();
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
    for (const wake of waiters) wake();
  });
  child.once("exit", () => children.delete(child));
  // "close": the process exited and its output has been read to the end.
  let closed = false;
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) =>
    child.once("close", (code, signal) => {
      closed = true;
      for (const wake of waiters) wake();
      resolveExit({ code, signal });
    }),
  );
  const describe = () => `stdout:\n${out}\nstderr:\n${err}`;
  const waitFor = (text: () => string, pattern: RegExp, timeoutMs: number) =>
    bounded(
      new Promise<RegExpMatchArray>((resolveMatch, reject) => {
        const check = () => {
          const match = text().match(pattern);
          if (match !== null) {
            waiters.delete(check);
            resolveMatch(match);
          } else if (closed) {
            waiters.delete(check);
            reject(new Error(`the process exited before printing ${String(pattern)}\n${describe()}`));
          }
        };
        waiters.add(check);
        check();
      }),
      timeoutMs,
      () => `no ${String(pattern)} within ${timeoutMs} ms\n${describe()}`,
    );
  return {
    child,
    pid: child.pid ?? 0,
    stdout: () => out,
    stderr: () => err,
    signal: (signal) => void child.kill(signal),
    exited: (timeoutMs = 20_000) =>
      bounded(exit, timeoutMs, () => `the process did not exit within ${timeoutMs} ms\n${describe()}`),
    waitForOutput: (pattern, timeoutMs = 20_000) => waitFor(() => out, pattern, timeoutMs),
    waitForError: (pattern, timeoutMs = 20_000) => waitFor(() => err, pattern, timeoutMs),
  };
}

function bounded<T>(work: Promise<T>, timeoutMs: number, problem: () => string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(problem())), timeoutMs);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Starts `flowmachine serve ARGS --port 0` and waits until it listens. The public half of the server's
 * development key pair is read from `cwd/.flowmachine/public.pem` when it exists.
 */
export async function startServe(args: readonly string[], options: CliOptions): Promise<ServeChild> {
  const cli = spawnCli(["serve", ...args, "--port", "0"], options);
  const [, url] = (await cli.waitForOutput(/^Listening on (\S+)/m, 30_000)) as [string, string];
  const flowUrl = new URL(url);
  const devPublicKey = join(options.cwd, ".flowmachine", "public.pem");
  return {
    ...cli,
    origin: flowUrl.origin,
    flowUrl: flowUrl.href,
    publicKeyPem: existsSync(devPublicKey) ? readFileSync(devPublicKey, "utf8") : "",
  };
}

/** Sends with a POST on a new connection each time (no keep-alive), so each request may reach another worker. */
export function sendOnFreshConnection(url: string): Send {
  return (body, headers) =>
    new Promise<RawAnswer>((resolveAnswer, reject) => {
      const request = httpRequest(url, { method: "POST", headers, agent: false }, (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolveAnswer({ status: response.statusCode ?? 0, body: text }));
        response.on("error", reject);
      });
      request.on("error", reject);
      request.end(body);
    });
}

/** Whether a process with this id is alive. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Kills every child still running (SIGKILL) and removes the temporary folders; for `afterAll`. */
export async function killCliChildren(): Promise<void> {
  const exits = [...children].map(
    (child) => new Promise<void>((resolveExit) => child.once("exit", () => resolveExit())),
  );
  for (const child of children) child.kill("SIGKILL");
  await bounded(Promise.all(exits), 10_000, () => "children did not exit after SIGKILL");
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
  folders.clear();
}
