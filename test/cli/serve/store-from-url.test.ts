import { Redacted } from "effect";
import { describe, expect, it } from "vitest";
import { describeStore, parseStoreSpec } from "../../../src/cli/serve/store-from-url.js";

describe("parseStoreSpec and describeStore", () => {
  it("describes the default SQLite file, another one, and memory", () => {
    const described = (text: string | undefined) => {
      const parsed = parseStoreSpec(text, {});
      if (!parsed.ok) throw new Error(parsed.problem);
      return describeStore(parsed.spec);
    };
    expect(described(undefined)).toBe("sqlite .flowmachine/sessions.sqlite");
    expect(described("sqlite:/var/lib/flows.sqlite")).toBe("sqlite /var/lib/flows.sqlite");
    expect(described("memory")).toBe("memory (this process only: sessions are lost when it stops)");
  });

  it.each([
    ["redis://cache:6379/2", {}, "redis redis://cache:6379/2"],
    ["rediss://cache.internal:6380", {}, "redis rediss://cache.internal:6380"],
    ["redis://:p%40ss@cache:6379/0", {}, "redis redis://:***@cache:6379/0"],
    ["redis://app:hunter2@cache:6379", { REDIS_PASSWORD: "other" }, "redis redis://app:***@cache:6379"],
    [
      "redis://app@cache:6379",
      { REDIS_PASSWORD: "hunter2" },
      "redis redis://app@cache:6379 (password from $REDIS_PASSWORD)",
    ],
  ])("masks the password of %s", (url, env: Record<string, string>, description) => {
    const parsed = parseStoreSpec(url, env);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(describeStore(parsed.spec)).toBe(description);
    expect(description).not.toMatch(/hunter2|p%40ss|other/);
  });

  it("takes the password from REDIS_PASSWORD only when the URL has none", () => {
    const fromEnv = parseStoreSpec("redis://cache:6379", { REDIS_PASSWORD: "env-pass" });
    expect(fromEnv.ok && fromEnv.spec.kind === "redis" && Redacted.value(fromEnv.spec.envPassword!)).toBe(
      "env-pass",
    );
    const fromUrl = parseStoreSpec("redis://:url-pass@cache:6379", { REDIS_PASSWORD: "env-pass" });
    expect(fromUrl.ok && fromUrl.spec.kind === "redis" && fromUrl.spec.envPassword).toBeUndefined();
  });

  it.each(["redis://:secret@cache:6379/zero", "redis://:secret@", "mysql://secret@db", "sqlite:"])(
    "refuses %s without repeating it",
    (text) => {
      const parsed = parseStoreSpec(text, {});
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.problem).not.toContain("secret");
    },
  );
});
