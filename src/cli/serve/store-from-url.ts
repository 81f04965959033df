/**
 * The `--store` option of `flowmachine serve`: `memory`, `sqlite:FILE` (the default, in
 * `.flowmachine/sessions.sqlite`), or a `redis://` / `rediss://` URL. Parsing never echoes a URL that
 * may hold a password; the description printed at start-up masks it as `***`.
 *
 * @example
 * const parsed = parseStoreSpec("redis://:hunter2@cache:6379/0", process.env);
 * if (parsed.ok) describeStore(parsed.spec); // "redis redis://:***@cache:6379/0"
 * const store = await openSessionStore(parsed.spec, process.cwd());
 */
import { resolve } from "node:path";
import { Redacted } from "effect";
import { createMemorySessionStore } from "../../transport/store/memory-session-store.js";
import { createRedisSessionStore } from "../../transport/store/redis-session-store.js";
import type { SessionStore } from "../../transport/store/session-store.js";
import { createSqliteSessionStore } from "../../transport/store/sqlite-session-store.js";

/** Where `serve` keeps sessions when `--store` is not given: a restart loses none. */
export const DEFAULT_SQLITE_FILE = ".flowmachine/sessions.sqlite";

/** The environment variable a Redis password is read from when the URL has none. */
export const REDIS_PASSWORD_ENV = "REDIS_PASSWORD";

/** A parsed `--store` value. */
export type StoreSpec =
  | { readonly kind: "memory" }
  | { readonly kind: "sqlite"; readonly file: string }
  | {
      readonly kind: "redis";
      /** The URL as given (it may hold the password: never print it). */
      readonly url: string;
      /** The URL with any password replaced by `***`. */
      readonly display: string;
      /** The password from `REDIS_PASSWORD`, when the URL has none. */
      readonly envPassword?: Redacted.Redacted<string>;
    };

export type StoreSpecResult =
  { readonly ok: true; readonly spec: StoreSpec } | { readonly ok: false; readonly problem: string };

const FORMS = "memory, sqlite:FILE, redis://HOST:PORT/DB or rediss://...";

/** Parses a `--store` value (`undefined`: the default SQLite file). */
export function parseStoreSpec(
  text: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): StoreSpecResult {
  if (text === undefined) return { ok: true, spec: { kind: "sqlite", file: DEFAULT_SQLITE_FILE } };
  if (text === "memory") return { ok: true, spec: { kind: "memory" } };
  if (text.startsWith("sqlite:")) {
    const file = text.slice("sqlite:".length);
    if (file === "")
      return { ok: false, problem: "--store sqlite: needs a file, as in sqlite:sessions.sqlite" };
    return { ok: true, spec: { kind: "sqlite", file } };
  }
  if (text.startsWith("redis://") || text.startsWith("rediss://")) return parseRedisUrl(text, env);
  // Never echo the value: it may be a URL with a password in it.
  return { ok: false, problem: `--store must be one of ${FORMS}` };
}

function parseRedisUrl(text: string, env: Readonly<Record<string, string | undefined>>): StoreSpecResult {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return {
      ok: false,
      problem:
        "--store is not a valid Redis URL; expected redis://[user[:password]@]HOST:PORT/DB (percent-encode special characters in the password)",
    };
  }
  if (url.hostname === "") return { ok: false, problem: "--store: the Redis URL needs a host" };
  if (url.pathname.length > 1 && !/^\/\d+$/.test(url.pathname)) {
    return { ok: false, problem: "--store: the Redis URL's path must be a database number, as in /0" };
  }
  const fromEnv = url.password === "" ? env[REDIS_PASSWORD_ENV] : undefined;
  const user = url.username === "" ? "" : url.username;
  const credentials = url.password !== "" ? `${user}:***@` : user === "" ? "" : `${user}@`;
  const database = url.pathname.length > 1 ? url.pathname : "";
  const display = `${url.protocol}//${credentials}${url.host}${database}`;
  return {
    ok: true,
    spec: {
      kind: "redis",
      url: text,
      display,
      ...(fromEnv === undefined || fromEnv === "" ? {} : { envPassword: Redacted.make(fromEnv) }),
    },
  };
}

/** One line for the start-up banner; never holds a password. */
export function describeStore(spec: StoreSpec): string {
  switch (spec.kind) {
    case "memory":
      return "memory (this process only: sessions are lost when it stops)";
    case "sqlite":
      return `sqlite ${spec.file}`;
    case "redis":
      return `redis ${spec.display}${spec.envPassword === undefined ? "" : ` (password from $${REDIS_PASSWORD_ENV})`}`;
  }
}

/**
 * Opens the store `spec` describes, relative paths resolved against `cwd`. Rejects with the store's
 * `SessionStoreError` (masked) when it cannot be opened.
 */
export async function openSessionStore(spec: StoreSpec, cwd: string): Promise<SessionStore> {
  switch (spec.kind) {
    case "memory":
      return createMemorySessionStore();
    case "sqlite":
      return createSqliteSessionStore({ path: resolve(cwd, spec.file) });
    case "redis":
      return createRedisSessionStore({
        url: spec.url,
        ...(spec.envPassword === undefined ? {} : { password: spec.envPassword }),
      });
  }
}
