import { Redacted } from "effect";
import { describe, expect, it } from "vitest";
import { parseServeOptions } from "../../../src/cli/serve/serve-options.js";

const parse = (args: string[], env: Record<string, string> = {}, cpus = 4) =>
  parseServeOptions(args, { env, cpus });

describe("parseServeOptions", () => {
  it("fills in the defaults: port 3000 on 127.0.0.1, /flow, the SQLite file, one process", () => {
    expect(parse(["flow.ts"])).toEqual({
      ok: true,
      options: {
        module: "flow.ts",
        port: 3000,
        host: "127.0.0.1",
        path: "/flow",
        store: { kind: "sqlite", file: ".flowmachine/sessions.sqlite" },
        workers: 1,
        quiet: false,
      },
    });
  });

  it("reads every option, the secrets from the variables they name, and the TTL in seconds", () => {
    const parsed = parse(
      [
        "flow.ts",
        "--export=signIn",
        "--port",
        "0",
        "--host",
        "0.0.0.0",
        "--path",
        "/whatsapp/flow",
        "--private-key",
        "keys/private.pem",
        "--passphrase-env",
        "KEY_PASS",
        "--app-secret-env",
        "META_SECRET",
        "--store",
        "sqlite:data/s.sqlite",
        "--workers",
        "3",
        "--session-ttl",
        "900",
        "--quiet",
      ],
      { KEY_PASS: "pass phrase", META_SECRET: "app-secret" },
    );
    if (!parsed.ok) throw new Error(parsed.problem);
    const { options } = parsed;
    expect(options).toMatchObject({
      exportName: "signIn",
      port: 0,
      host: "0.0.0.0",
      path: "/whatsapp/flow",
      privateKeyFile: "keys/private.pem",
      store: { kind: "sqlite", file: "data/s.sqlite" },
      workers: 3,
      sessionTtlMs: 900_000,
      quiet: true,
    });
    expect(options.appSecret?.env).toBe("META_SECRET");
    expect(Redacted.value(options.appSecret!.value)).toBe("app-secret");
    expect(Redacted.value(options.passphrase!.value)).toBe("pass phrase");
    expect(JSON.stringify(options)).not.toContain("app-secret");
  });

  it("takes --workers auto as the number of CPUs", () => {
    const parsed = parse(["flow.ts", "--workers", "auto"], {}, 6);
    expect(parsed.ok && parsed.options.workers).toBe(6);
  });

  it("allows the memory store with one worker only, including --workers auto on several CPUs", () => {
    expect(parse(["flow.ts", "--store", "memory"]).ok).toBe(true);
    expect(parse(["flow.ts", "--store", "memory", "--workers", "auto"], {}, 1).ok).toBe(true);
    const refused = parse(["flow.ts", "--store", "memory", "--workers", "auto"], {}, 2);
    expect(refused).toMatchObject({ ok: false, problem: expect.stringContaining("2 workers") as unknown });
  });
});
