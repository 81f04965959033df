import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CommandIo } from "../../src/cli/command.js";
import { main } from "../../src/cli/main.js";
import { startGraphApiStandIn, type GraphApiStandIn } from "../helpers/graph-api-stand-in.js";

interface Captured {
  readonly io: CommandIo;
  readonly out: () => string;
  readonly err: () => string;
}

function capture(env: Record<string, string | undefined>): Captured {
  let out = "";
  let err = "";
  return {
    io: {
      stdout: (text) => void (out += text),
      stderr: (text) => void (err += text),
      cwd: process.cwd(),
      env,
    },
    out: () => out,
    err: () => err,
  };
}

describe("flowmachine flows", () => {
  let graph: GraphApiStandIn;
  let env: Record<string, string>;
  beforeEach(async () => {
    graph = await startGraphApiStandIn();
    env = { WHATSAPP_ACCESS_TOKEN: graph.accessToken };
  });
  afterEach(() => graph.close());

  it("lists a WABA's flows as an aligned table, following every page", async () => {
    const problem = {
      error: "MISSING_TERMINAL_SCREEN",
      error_type: "FLOW_JSON_ERROR",
      message: "Missing terminal screen.",
    };
    graph.addFlow({
      wabaId: "77",
      name: "Sign in",
      categories: ["SIGN_IN"],
      status: "PUBLISHED",
      flowJson: '{"version":"7.2"}',
    });
    graph.addFlow({
      wabaId: "77",
      name: "Newsletter signup",
      categories: ["SIGN_UP", "OTHER"],
      validationErrors: [problem, problem],
    });
    const ids = [...graph.flows.keys()];
    const run = capture(env);
    expect(
      await main(["flows", "list", "--waba-id", "77", "--limit", "1", "--graph-url", graph.url], run.io),
    ).toBe(0);
    expect(run.out()).toBe(
      [
        "ID                NAME               STATUS     CATEGORIES     JSON  ERRORS",
        `${ids[0]}  Sign in            PUBLISHED  SIGN_IN        7.2   0`,
        `${ids[1]}  Newsletter signup  DRAFT      SIGN_UP,OTHER        2`,
        "",
      ].join("\n"),
    );
    expect(run.err()).toBe("");
    expect(
      graph.requests.map((request) => [
        request.method,
        request.path,
        request.query["limit"],
        request.query["after"],
      ]),
    ).toEqual([
      ["GET", "/77/flows", "1", undefined],
      ["GET", "/77/flows", "1", "MQ=="],
    ]);
    expect(graph.requests[0]?.headers["authorization"]).toBe(`Bearer ${graph.accessToken}`);
  });

  it("prints JSON with --json and reads the token from --token-env", async () => {
    graph.addFlow({ wabaId: "77", name: "Only" });
    const run = capture({ MY_TOKEN: graph.accessToken });
    expect(
      await main(
        ["flows", "list", "--waba-id", "77", "--json", "--token-env", "MY_TOKEN", "--graph-url", graph.url],
        run.io,
      ),
    ).toBe(0);
    expect(JSON.parse(run.out())).toEqual([
      {
        id: [...graph.flows.keys()][0],
        name: "Only",
        status: "DRAFT",
        categories: ["OTHER"],
        validation_errors: [],
      },
    ]);
  });

  it("shows one flow with its health problems and validation errors", async () => {
    const flow = graph.addFlow({
      wabaId: "77",
      name: "Broken",
      flowJson: '{"version":"7.2","screens":[]}',
      endpointUri: "https://example.com/flow",
      validationErrors: [
        {
          error: "MISSING_TERMINAL_SCREEN",
          error_type: "FLOW_JSON_ERROR",
          message: "Missing terminal screen.",
          line_start: 1,
          column_start: 28,
        },
      ],
    });
    const run = capture(env);
    expect(
      await main(["flows", "get", flow.id, "--phone-number-id", "555", "--graph-url", graph.url], run.io),
    ).toBe(0);
    expect(graph.lastRequest().query["fields"]).toContain("preview.invalidate(false)");
    expect(graph.lastRequest().query["fields"]).toContain("health_status.phone_number(555)");
    expect(run.out()).toBe(
      [
        "FIELD               VALUE",
        `id                  ${flow.id}`,
        "name                Broken",
        "status              DRAFT",
        "categories          OTHER",
        "json_version        7.2",
        "endpoint_uri        https://example.com/flow",
        "waba                77",
        "can_send_message    AVAILABLE",
        `preview_url         ${graph.url}/preview/${flow.id}/?token=${flow.previewToken}`,
        "preview_expires_at  2030-01-31T00:00:00+0000",
        "",
        "Health problems:",
        "ENTITY        CODE    DESCRIPTION",
        "PHONE_NUMBER  139002  Missing signed public key.",
        "",
        "Validation errors:",
        "LINE:COL  ERROR                    MESSAGE",
        "1:28      MISSING_TERMINAL_SCREEN  Missing terminal screen.",
        "",
      ].join("\n"),
    );
  });

  it("prints a metric as one column per data key", async () => {
    const flow = graph.addFlow({ wabaId: "77", name: "Metered" });
    graph.metrics.set(`${flow.id}:ENDPOINT_REQUEST_ERROR`, [
      {
        timestamp: "2024-03-01T00:00:00+0000",
        data: [
          { key: "timeout_error", value: 3 },
          { key: "cannot_be_served", value: 1 },
        ],
      },
    ]);
    const run = capture(env);
    const args = [
      "flows",
      "metrics",
      flow.id,
      "--name",
      "ENDPOINT_REQUEST_ERROR",
      "--since",
      "2024-03-01",
      "--until",
      "2024-03-31",
      "--graph-url",
      graph.url,
    ];
    expect(await main(args, run.io)).toBe(0);
    expect(graph.lastRequest().query).toEqual({
      fields: "metric.name(ENDPOINT_REQUEST_ERROR).granularity(DAY).since(2024-03-01).until(2024-03-31)",
    });
    expect(run.out()).toBe(
      [
        "TIMESTAMP                 TIMEOUT_ERROR  UNEXPECTED_HTTP_STATUS_CODE  CANNOT_BE_SERVED  NO_HTTP_RESPONSE_ERROR",
        "2024-03-01T00:00:00+0000  3                                           1",
        "",
      ].join("\n"),
    );
    const json = capture(env);
    expect(await main([...args, "--json", "--granularity", "LIFETIME"], json.io)).toBe(0);
    expect(JSON.parse(json.out())).toMatchObject({
      id: flow.id,
      name: "ENDPOINT_REQUEST_ERROR",
      granularity: "LIFETIME",
    });
  });

  it("exits 2 with a clear message when the token env var is missing, before any request", async () => {
    const run = capture({});
    expect(await main(["flows", "list", "--waba-id", "77", "--graph-url", graph.url], run.io)).toBe(2);
    expect(run.err()).toMatch(
      /^flowmachine flows: the access token is missing: set WHATSAPP_ACCESS_TOKEN \(or name another variable with --token-env NAME\)\./,
    );
    const named = capture({});
    expect(await main(["flows", "get", "1", "--token-env", "WA_TOKEN"], named.io)).toBe(2);
    expect(named.err()).toContain("set WA_TOKEN");
    expect(graph.requests).toHaveLength(0);
  });

  it("exits 2 on usage mistakes and 1 on Graph API failures", async () => {
    const cases: [string[], number, RegExp][] = [
      [["flows"], 2, /give a subcommand/],
      [["flows", "remove"], 2, /unknown subcommand 'remove'/],
      [["flows", "list"], 2, /--waba-id is required/],
      [["flows", "list", "--waba-id", "1", "--colour"], 2, /Unknown option '--colour'/],
      [["flows", "get"], 2, /give exactly one FLOW_ID/],
      [["flows", "metrics", "1", "--name", "NOPE"], 2, /--name must be one of ENDPOINT_REQUEST_COUNT/],
      [
        ["flows", "metrics", "1", "--name", "ENDPOINT_AVAILABILITY", "--granularity", "WEEK"],
        2,
        /--granularity must be one of DAY, HOUR, LIFETIME/,
      ],
      [
        ["flows", "metrics", "1", "--name", "ENDPOINT_AVAILABILITY", "--since", "yesterday"],
        2,
        /since must be a date written YYYY-MM-DD/,
      ],
      [
        ["flows", "get", "404404"],
        1,
        /^flowmachine flows: Graph API GET \/404404 failed with Meta error 100\/33/,
      ],
    ];
    for (const [args, status, message] of cases) {
      const run = capture(env);
      expect(await main([...args, "--graph-url", graph.url], run.io), args.join(" ")).toBe(status);
      expect(run.err()).toMatch(message);
      if (status === 2) expect(run.err()).toContain("Usage:");
    }
  });

  it("is listed in the help", async () => {
    const run = capture(env);
    expect(await main(["--help"], run.io)).toBe(0);
    expect(run.out()).toContain(
      "flows      List flows, show one flow, or print its endpoint metrics (Graph API)",
    );
  });
});
