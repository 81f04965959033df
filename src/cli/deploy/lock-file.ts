/**
 * The deploy lock file (`flowmachine.lock.json`, committed with the flow): for each WABA and flow name,
 * the flow's id on Meta's side, the content hash of the Flow JSON it holds, its endpoint URI and whether
 * it was published at that hash. `flowmachine deploy` reads it to know what to send, and rewrites it
 * atomically (temporary file, then rename) after each step that succeeded, so the file always describes
 * what Meta holds and a crash or a failed call never leaves it half written.
 *
 * @example
 * // flowmachine.lock.json
 * {
 *   "lockfileVersion": 1,
 *   "flows": {
 *     "102290129340398": {
 *       "Sign in": {
 *         "flowId": "1234567890123456",
 *         "flowJsonHash": "e30e0a66e51d0c6f789dcc643196e102a63897d001dbda67fbbc057c13027d5e",
 *         "endpointUri": "https://flows.example.com/sign-in",
 *         "published": true,
 *         "updatedAt": "2025-06-01T09:30:00.000Z"
 *       }
 *     }
 *   }
 * }
 */
import { randomBytes } from "node:crypto";
import { readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Result, Schema } from "effect";
import { LockFileError } from "./errors.js";

/** The lock file's name in the working directory unless `--lock` names another. */
export const LOCK_FILE_NAME = "flowmachine.lock.json";

/**
 * What the lock file knows about one deployed flow. `flowJsonHash` (SHA-256 of the canonical Flow JSON,
 * see `hashFlowJson`) is absent while Meta holds no Flow JSON from us that it accepted: right after a
 * create whose upload failed, or after an upload Meta reported validation errors for.
 */
export const LockEntry = Schema.Struct({
  flowId: Schema.String,
  flowJsonHash: Schema.optionalKey(Schema.String),
  endpointUri: Schema.optionalKey(Schema.String),
  /** Published with the Flow JSON of `flowJsonHash` and `endpointUri`; any later change makes it a draft. */
  published: Schema.optionalKey(Schema.Boolean),
  /** ISO 8601 time of the last change to this entry. */
  updatedAt: Schema.String,
});
/** The decoded shape of {@link LockEntry}. */
export type LockEntry = typeof LockEntry.Type;

/** The whole file: entries by WABA id, then by flow name (unique within a WABA, as Meta requires). */
export const LockFile = Schema.Struct({
  lockfileVersion: Schema.Literal(1),
  flows: Schema.Record(Schema.String, Schema.Record(Schema.String, LockEntry)),
});
/** The decoded shape of {@link LockFile}. */
export type LockFile = typeof LockFile.Type;

/** A lock file with no flow, what a missing file reads as. */
export const EMPTY_LOCK_FILE: LockFile = { lockfileVersion: 1, flows: {} };

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Reads and checks the lock file at `path`; a missing file is an empty lock. Throws {@link LockFileError}
 * for a file that cannot be read, is not JSON or does not have the lock file's shape.
 *
 * @example
 * const lock = await readLockFile("/repo/flowmachine.lock.json", "flowmachine.lock.json");
 */
export async function readLockFile(path: string, shownPath: string = path): Promise<LockFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (cause) {
    if ((cause as { code?: unknown }).code === "ENOENT") {
      // Checked now, not when the first step succeeded: a lock that cannot be written must stop the
      // deploy before a flow is created that no lock would remember.
      if (!(await isDirectory(dirname(path)))) {
        throw new LockFileError({
          path: shownPath,
          problem: `its folder ${dirname(shownPath)} does not exist`,
        });
      }
      return EMPTY_LOCK_FILE;
    }
    const code = (cause as { code?: unknown }).code;
    throw new LockFileError({
      path: shownPath,
      problem: `it cannot be read${typeof code === "string" ? ` (${code})` : ""}`,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new LockFileError({ path: shownPath, problem: `it is not valid JSON (${reason})` });
  }
  const decoded = Schema.decodeUnknownResult(LockFile)(json);
  if (Result.isFailure(decoded)) {
    throw new LockFileError({
      path: shownPath,
      problem: `it is not a flowmachine lock file (lockfileVersion 1): ${decoded.failure.message}`,
    });
  }
  return decoded.success;
}

/** The entry of flow `name` in WABA `wabaId`, or `undefined` when the lock does not know it. */
export function findLockEntry(lock: LockFile, wabaId: string, name: string): LockEntry | undefined {
  const byName = Object.hasOwn(lock.flows, wabaId) ? lock.flows[wabaId] : undefined;
  return byName !== undefined && Object.hasOwn(byName, name) ? byName[name] : undefined;
}

/** A copy of `lock` with the entry of `name` in `wabaId` set to `entry`; `lock` is not changed. */
export function setLockEntry(lock: LockFile, wabaId: string, name: string, entry: LockEntry): LockFile {
  const byName = Object.hasOwn(lock.flows, wabaId) ? lock.flows[wabaId] : undefined;
  return {
    lockfileVersion: 1,
    flows: { ...lock.flows, [wabaId]: { ...byName, [name]: entry } },
  };
}

function sortedRecord<V, W>(record: Readonly<Record<string, V>>, map: (value: V) => W): Record<string, W> {
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, map(record[key] as V)]),
  );
}

function orderedEntry(entry: LockEntry): LockEntry {
  return {
    flowId: entry.flowId,
    ...(entry.flowJsonHash === undefined ? {} : { flowJsonHash: entry.flowJsonHash }),
    ...(entry.endpointUri === undefined ? {} : { endpointUri: entry.endpointUri }),
    ...(entry.published === undefined ? {} : { published: entry.published }),
    updatedAt: entry.updatedAt,
  };
}

/**
 * The file's text: WABA ids and flow names sorted (JavaScript still puts integer-like keys, such as
 * short ids, first and in numeric order), each entry's keys in a fixed order, two-space indent and a
 * final newline, so the same lock always gives the same bytes and diffs stay small.
 */
export function formatLockFile(lock: LockFile): string {
  const flows = sortedRecord(lock.flows, (byName) => sortedRecord(byName, orderedEntry));
  return `${JSON.stringify({ lockfileVersion: lock.lockfileVersion, flows }, null, 2)}\n`;
}

/**
 * Writes `lock` to `path` atomically: the text goes to a temporary file in the same folder, which then
 * replaces `path` in one rename. A reader sees the old file or the new one, never a part of it.
 *
 * @example
 * await writeLockFile(path, setLockEntry(lock, wabaId, name, entry));
 */
export async function writeLockFile(path: string, lock: LockFile): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, formatLockFile(lock), { flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
