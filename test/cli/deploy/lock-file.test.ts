import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LockFileError } from "../../../src/cli/deploy/errors.js";
import {
  EMPTY_LOCK_FILE,
  findLockEntry,
  formatLockFile,
  readLockFile,
  setLockEntry,
  writeLockFile,
  type LockEntry,
} from "../../../src/cli/deploy/lock-file.js";

const entry = (flowId: string): LockEntry => ({
  updatedAt: "2025-06-01T09:30:00.000Z",
  published: false,
  flowJsonHash: `${flowId}ff`,
  flowId,
});

describe("lock file", () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "flowmachine-lock-"));
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  it("reads a missing file as an empty lock and writes what it reads back", async () => {
    const path = join(folder, "flowmachine.lock.json");
    expect(await readLockFile(path)).toEqual(EMPTY_LOCK_FILE);
    const lock = setLockEntry(
      setLockEntry(EMPTY_LOCK_FILE, "77", "Sign in", entry("1")),
      "77",
      "Survey",
      entry("2"),
    );
    await writeLockFile(path, lock);
    expect(await readLockFile(path)).toEqual(lock);
    expect(await readdir(folder)).toEqual(["flowmachine.lock.json"]);
    expect(findLockEntry(lock, "77", "Survey")).toEqual(entry("2"));
    expect(findLockEntry(lock, "78", "Survey")).toBeUndefined();
    expect(findLockEntry(lock, "77", "constructor")).toBeUndefined();
  });

  it("formats the same lock to the same bytes, whatever order its entries were added in", () => {
    const one = setLockEntry(setLockEntry(EMPTY_LOCK_FILE, "78", "B", entry("2")), "78", "A", entry("1"));
    const two = setLockEntry(setLockEntry(EMPTY_LOCK_FILE, "78", "A", entry("1")), "78", "B", entry("2"));
    expect(formatLockFile(one)).toBe(formatLockFile(two));
    expect(formatLockFile(one)).toBe(
      [
        "{",
        '  "lockfileVersion": 1,',
        '  "flows": {',
        '    "78": {',
        '      "A": {',
        '        "flowId": "1",',
        '        "flowJsonHash": "1ff",',
        '        "published": false,',
        '        "updatedAt": "2025-06-01T09:30:00.000Z"',
        "      },",
        '      "B": {',
        '        "flowId": "2",',
        '        "flowJsonHash": "2ff",',
        '        "published": false,',
        '        "updatedAt": "2025-06-01T09:30:00.000Z"',
        "      }",
        "    }",
        "  }",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("never changes the lock it is given", () => {
    const lock = setLockEntry(EMPTY_LOCK_FILE, "77", "Sign in", entry("1"));
    const copy = structuredClone(lock);
    setLockEntry(lock, "77", "Sign in", entry("9"));
    setLockEntry(lock, "77", "Other", entry("8"));
    expect(lock).toEqual(copy);
    expect(EMPTY_LOCK_FILE).toEqual({ lockfileVersion: 1, flows: {} });
  });

  it("replaces the file in one rename and leaves no temporary file", async () => {
    const path = join(folder, "flowmachine.lock.json");
    await writeFile(path, "old");
    await writeLockFile(path, setLockEntry(EMPTY_LOCK_FILE, "77", "Sign in", entry("1")));
    expect(await readdir(folder)).toEqual(["flowmachine.lock.json"]);
    expect(JSON.parse(await readFile(path, "utf8"))).toMatchObject({
      flows: { "77": { "Sign in": { flowId: "1" } } },
    });
  });

  it("rejects files that are not a lock file with a LockFileError saying what to do", async () => {
    const cases: [string, RegExp][] = [
      ["[1, 2", /it is not valid JSON/],
      [
        '{"lockfileVersion": 1, "flows": {"77": {"Sign in": {"flowId": 5}}}}',
        /it is not a flowmachine lock file/,
      ],
      ['{"flows": {}}', /it is not a flowmachine lock file/],
    ];
    for (const [text, problem] of cases) {
      const path = join(folder, "bad.lock.json");
      await writeFile(path, text);
      const error = await readLockFile(path, "bad.lock.json").catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(LockFileError);
      expect((error as LockFileError)._tag).toBe("LockFileError");
      expect((error as LockFileError).message).toMatch(problem);
      expect((error as LockFileError).message).toMatch(
        /^Cannot use the lock file bad\.lock\.json: .*Fix it, or restore it from version control\.$/s,
      );
    }
    const nowhere = await readLockFile(join(folder, "missing", "x.json"), "missing/x.json").catch(
      (caught: unknown) => caught,
    );
    expect((nowhere as LockFileError).message).toContain("its folder missing does not exist");
  });
});
