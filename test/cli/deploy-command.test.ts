import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import signIn from "../../examples/sign-in/flow.js";
import type { CommandIo } from "../../src/cli/command.js";
import { main } from "../../src/cli/main.js";
import { compileFlow } from "../../src/compile/index.js";
import { hashFlowJson } from "../../src/graph-api/flow-json-hash.js";
import { GRAPH_API_VERSION } from "../../src/graph-api/graph-api-version.js";
import { flow, terminalScreen } from "../helpers/flow-documents.js";
import {
  startGraphApiStandIn,
  type GraphApiStandIn,
  type RecordedRequest,
} from "../helpers/graph-api-stand-in.js";

/** The sign-in example, by absolute path: the CLI loads it through tsx like a user's module. */
const SIGN_IN = fileURLToPath(new URL("../../examples/sign-in/flow.ts", import.meta.url));
const ENDPOINT = "https://flows.example.com/sign-in";
const WABA = "102290129340398";

/** A small static flow, written to `newsletter.json` in the working folder. */
function newsletter(heading: string): object {
  return flow([terminalScreen("WELCOME", [{ type: "TextHeading", text: heading }])]);
}

const compiledSignIn = compileFlow(signIn);
/** The text deploy uploads for the sign-in machine: what `flowmachine compile` prints. */
const signInText = JSON.stringify(compiledSignIn.flowJson, null, 2);
/** The compiler's warnings about the example, which every deploy of it prints first. */
const signInWarnings = compiledSignIn.diagnostics
  .filter((diagnostic) => diagnostic.severity === "warning")
  .map((d) => `${SIGN_IN}:${d.pointer}: ${d.code} warning: ${d.message}\n`)
  .join("");
let signInHash = "";

beforeAll(async () => {
  signInHash = await hashFlowJson(signInText);
});

interface Run {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

describe("flowmachine deploy", () => {
  let graph: GraphApiStandIn;
  let folder: string;

  /** Runs `flowmachine deploy ARGS` in the temp folder against the stand-in. */
  async function deploy(args: readonly string[], env?: Record<string, string>): Promise<Run> {
    let stdout = "";
    let stderr = "";
    const io: CommandIo = {
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      cwd: folder,
      env: env ?? { WHATSAPP_ACCESS_TOKEN: graph.accessToken },
    };
    const status = await main(["deploy", ...args, "--graph-url", graph.url], io);
    expect(stdout + stderr).not.toContain(graph.accessToken);
    return { status, stdout, stderr };
  }

  const signInArgs = (...extra: string[]): string[] => [
    SIGN_IN,
    "--waba-id",
    WABA,
    "--name",
    "Sign in",
    "--category",
    "SIGN_IN",
    ...extra,
  ];
  const newsletterArgs = (...extra: string[]): string[] => [
    "newsletter.json",
    "--waba-id",
    WABA,
    "--name",
    "Newsletter",
    ...extra,
  ];

  const lockText = (): Promise<string> => readFile(join(folder, "flowmachine.lock.json"), "utf8");
  const lockJson = async (): Promise<unknown> => JSON.parse(await lockText()) as unknown;
  const writes = (requests: readonly RecordedRequest[]): RecordedRequest[] =>
    requests.filter((request) => request.method !== "GET");
  const onlyFlowId = (): string => {
    const ids = [...graph.flows.keys()];
    expect(ids).toHaveLength(1);
    return ids[0] as string;
  };

  beforeEach(async () => {
    graph = await startGraphApiStandIn();
    folder = await mkdtemp(join(tmpdir(), "flowmachine-deploy-"));
    await writeFile(
      join(folder, "newsletter.json"),
      JSON.stringify(newsletter("Join our newsletter"), null, 2),
    );
  });
  afterEach(async () => {
    await graph.close();
    await rm(folder, { recursive: true, force: true });
  });

  it("creates, uploads and publishes a new flow with the requests Meta documents, then writes the lock", async () => {
    const run = await deploy(signInArgs("--endpoint-uri", ENDPOINT, "--publish"));
    expect(run.status).toBe(0);
    const id = onlyFlowId();
    expect(run.stderr).toBe(
      `${signInWarnings}created flow ${id}\nuploaded flow.json (sha256 ${signInHash.slice(0, 12)}…)\npublished\n`,
    );
    expect(run.stdout).toBe(
      `"Sign in" (flow ${id} in WABA ${WABA}): created, uploaded, published; recorded in flowmachine.lock.json.\n`,
    );

    const [create, upload, publish, ...rest] = graph.requests;
    expect(rest).toEqual([]);
    for (const request of [create, upload, publish]) {
      expect(request?.version).toBe(GRAPH_API_VERSION);
      expect(request?.query).toEqual({});
      expect(request?.headers["authorization"]).toBe(`Bearer ${graph.accessToken}`);
    }
    expect(create).toMatchObject({
      method: "POST",
      path: `/${WABA}/flows`,
      contentType: "application/json",
      body: { kind: "json", value: { name: "Sign in", categories: ["SIGN_IN"], endpoint_uri: ENDPOINT } },
    });
    expect(create?.body.kind === "json" && Object.keys(create.body.value as object)).toEqual([
      "name",
      "categories",
      "endpoint_uri",
    ]);
    expect(upload).toMatchObject({ method: "POST", path: `/${id}/assets` });
    expect(upload?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    const parts = upload?.body.kind === "multipart" ? upload.body.parts : [];
    expect(
      parts.map((part) => [part.name, part.filename, part.contentType, part.data.toString("utf8")]),
    ).toEqual([
      ["file", "flow.json", "application/json", signInText],
      ["name", undefined, undefined, "flow.json"],
      ["asset_type", undefined, undefined, "FLOW_JSON"],
    ]);
    expect(publish).toMatchObject({ method: "POST", path: `/${id}/publish`, body: { kind: "none" } });

    expect(graph.flows.get(id)).toMatchObject({
      name: "Sign in",
      categories: ["SIGN_IN"],
      status: "PUBLISHED",
      endpointUri: ENDPOINT,
      flowJson: signInText,
    });
    const lock = await lockJson();
    expect(lock).toEqual({
      lockfileVersion: 1,
      flows: {
        [WABA]: {
          "Sign in": {
            flowId: id,
            flowJsonHash: signInHash,
            endpointUri: ENDPOINT,
            published: true,
            updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as unknown,
          },
        },
      },
    });
    expect((await readdir(folder)).sort()).toEqual(["flowmachine.lock.json", "newsletter.json"]);
  });

  it("sends no write request when nothing changed, and leaves the lock file byte for byte", async () => {
    expect((await deploy(signInArgs("--endpoint-uri", ENDPOINT, "--publish"))).status).toBe(0);
    const id = onlyFlowId();
    const before = await lockText();
    const sent = graph.requests.length;

    const again = await deploy(signInArgs("--endpoint-uri", ENDPOINT, "--publish"));
    expect(again).toEqual({
      status: 0,
      stdout: `"Sign in" (flow ${id} in WABA ${WABA}): up to date, no change sent.\n`,
      stderr:
        `${signInWarnings}checked flow ${id}: PUBLISHED\n` +
        "unchanged: skipped upload\nunchanged: skipped endpoint_uri\nalready published: skipped publish\n",
    });
    const later = graph.requests.slice(sent);
    expect(later.map((request) => [request.method, request.path, request.query])).toEqual([
      ["GET", `/${id}`, { fields: "id,name,status" }],
    ]);
    expect(await lockText()).toBe(before);
  });

  it("uploads a changed flow again without creating it, and skips a change of formatting only", async () => {
    expect((await deploy(newsletterArgs("--publish"))).status).toBe(0);
    const id = onlyFlowId();
    expect(graph.flows.get(id)?.categories).toEqual(["OTHER"]);

    const changed = `${JSON.stringify(newsletter("Subscribe to our weekly news"), null, 4)}\n`;
    await writeFile(join(folder, "newsletter.json"), changed);
    const sent = graph.requests.length;
    const run = await deploy(newsletterArgs("--publish"));
    expect(run.status).toBe(0);
    const hash = await hashFlowJson(changed);
    expect(run.stderr).toBe(
      `checked flow ${id}: PUBLISHED\nuploaded flow.json (sha256 ${hash.slice(0, 12)}…)\npublished\n`,
    );
    const later = graph.requests.slice(sent);
    expect(later.map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /${id}`,
      `POST /${id}/assets`,
      `POST /${id}/publish`,
    ]);
    const file = later[1]?.body.kind === "multipart" ? later[1].body.parts[0] : undefined;
    expect(file?.data.toString("utf8")).toBe(changed);
    expect(await lockJson()).toMatchObject({
      flows: { [WABA]: { Newsletter: { flowId: id, flowJsonHash: hash, published: true } } },
    });

    await writeFile(join(folder, "newsletter.json"), JSON.stringify(JSON.parse(changed)));
    const reformatted = graph.requests.length;
    const same = await deploy(newsletterArgs("--publish"));
    expect(same.status).toBe(0);
    expect(same.stderr).toContain("unchanged: skipped upload\n");
    expect(writes(graph.requests.slice(reformatted))).toEqual([]);
  });

  it("stops before publishing on Meta's validation errors, prints them like validate, and re-uploads next time", async () => {
    graph.unavailableVersions.add("7.2");
    const run = await deploy(signInArgs("--endpoint-uri", ENDPOINT, "--publish"));
    expect(run.status).toBe(1);
    const id = onlyFlowId();
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `${signInWarnings}created flow ${id}\n` +
        `${SIGN_IN}:/version: UNAVAILABLE_FLOW_JSON_VERSION Flow JSON version 7.2 is no longer available. Use a newer version. (line 2:14)\n` +
        `flowmachine deploy: Meta reported 1 validation error in the uploaded Flow JSON; flow ${id} was not published. Fix the Flow JSON and deploy again.\n`,
    );
    expect(signInText.split("\n")[1]?.slice(13)).toBe('"7.2",');
    expect(graph.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `POST /${WABA}/flows`,
      `POST /${id}/assets`,
    ]);
    expect(graph.flows.get(id)?.status).toBe("DRAFT");
    const entry = { flowId: id, endpointUri: ENDPOINT, published: false };
    expect(await lockJson()).toMatchObject({ flows: { [WABA]: { "Sign in": entry } } });
    expect(await lockText()).not.toContain("flowJsonHash");

    graph.unavailableVersions.clear();
    const sent = graph.requests.length;
    const retry = await deploy(signInArgs("--endpoint-uri", ENDPOINT, "--publish"));
    expect(retry.status).toBe(0);
    expect(graph.requests.slice(sent).map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /${id}`,
      `POST /${id}/assets`,
      `POST /${id}/publish`,
    ]);
    expect(await lockJson()).toMatchObject({
      flows: { [WABA]: { "Sign in": { ...entry, flowJsonHash: signInHash, published: true } } },
    });
  });

  it("sends no request when the Flow JSON fails the local checks", async () => {
    await writeFile(join(folder, "bad.json"), JSON.stringify(flow([terminalScreen("SCREEN_1")])));
    const run = await deploy(["bad.json", "--waba-id", WABA, "--name", "Bad", "--publish"]);
    expect(run).toEqual({
      status: 1,
      stdout: "",
      stderr:
        "bad.json:/screens/0/id: PATTERN_MISMATCH Invalid screen id 'SCREEN_1': it should only consist of alphabets and underscores.\n" +
        "flowmachine deploy: bad.json has 1 error; nothing was sent.\n",
    });
    expect(graph.requests).toEqual([]);
    expect(await readdir(folder)).not.toContain("flowmachine.lock.json");
  });

  it("leaves the lock file untouched when a Graph API call fails, and reports Meta's message and code", async () => {
    graph.addFlow({ wabaId: WABA, name: "Newsletter" });
    const taken = await deploy(newsletterArgs());
    expect(taken.status).toBe(1);
    expect(taken.stderr).toMatch(
      new RegExp(
        `^flowmachine deploy: Graph API POST /${WABA}/flows failed with Meta error 100: Flow name is not unique\\.`,
      ),
    );
    expect(await readdir(folder)).not.toContain("flowmachine.lock.json");

    const fresh = ["newsletter.json", "--waba-id", WABA, "--name", "Weekly news", "--publish"];
    expect((await deploy(fresh)).status).toBe(0);
    const before = await lockText();
    const flowId = (JSON.parse(before) as { flows: Record<string, Record<string, { flowId: string }>> })
      .flows[WABA]?.["Weekly news"]?.flowId as string;
    const stored = graph.flows.get(flowId);
    if (stored !== undefined) stored.status = "DEPRECATED";
    await writeFile(join(folder, "newsletter.json"), JSON.stringify(newsletter("A new heading")));
    const refused = await deploy(fresh);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      `flowmachine deploy: Graph API POST /${flowId}/assets failed with Meta error 139001 (FlowUpdatingError): Flow can't be updated.`,
    );
    expect(await lockText()).toBe(before);
  });

  it("records a successful upload when Meta refuses the publish, so the next run only fixes and publishes", async () => {
    const refused = await deploy(signInArgs("--publish"));
    expect(refused.status).toBe(1);
    const id = onlyFlowId();
    expect(refused.stderr.startsWith(signInWarnings)).toBe(true);
    expect(refused.stderr.slice(signInWarnings.length)).toMatch(
      new RegExp(
        `^created flow ${id}\\nuploaded flow\\.json \\(sha256 [0-9a-f]{12}…\\)\\n` +
          `flowmachine deploy: Graph API POST /${id}/publish failed with Meta error 139002 \\(FlowPublishingError\\): No endpoint URI found\\. Set endpoint_uri first\\.`,
      ),
    );
    expect(await lockJson()).toMatchObject({
      flows: { [WABA]: { "Sign in": { flowId: id, flowJsonHash: signInHash, published: false } } },
    });

    const sent = graph.requests.length;
    const fixed = await deploy(signInArgs("--publish", "--endpoint-uri", ENDPOINT));
    expect(fixed.status).toBe(0);
    expect(fixed.stderr).toBe(
      `${signInWarnings}checked flow ${id}: DRAFT\nunchanged: skipped upload\nset endpoint_uri ${ENDPOINT}\npublished\n`,
    );
    const later = graph.requests.slice(sent);
    expect(later.map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /${id}`,
      `POST /${id}`,
      `POST /${id}/publish`,
    ]);
    expect(later[1]).toMatchObject({
      contentType: "application/json",
      body: { kind: "json", value: { endpoint_uri: ENDPOINT } },
    });
    expect(graph.flows.get(id)?.status).toBe("PUBLISHED");
  });

  it("prints the plan with --dry-run without any request, even without a token", async () => {
    const first = await deploy(newsletterArgs("--publish", "--dry-run"), {});
    const hash = await hashFlowJson(await readFile(join(folder, "newsletter.json"), "utf8"));
    expect(first).toEqual({
      status: 0,
      stdout:
        `Plan for "Newsletter" in WABA ${WABA}, from flowmachine.lock.json:\n` +
        `  1. create flow "Newsletter" (categories OTHER)\n` +
        `  2. upload flow.json (sha256 ${hash.slice(0, 12)}…)\n` +
        "  3. publish\n" +
        "Dry run: 3 writes planned; no request sent.\n",
      stderr: "",
    });
    expect(graph.requests).toEqual([]);
    expect(await readdir(folder)).not.toContain("flowmachine.lock.json");

    expect((await deploy(newsletterArgs())).status).toBe(0);
    const id = onlyFlowId();
    const before = await lockText();
    const sent = graph.requests.length;
    const again = await deploy(newsletterArgs("--dry-run"));
    expect(again.stdout).toBe(
      `Plan for "Newsletter" (flow ${id}) in WABA ${WABA}, from flowmachine.lock.json:\n` +
        "  - unchanged: skipped upload\n" +
        "Dry run: nothing to deploy; no request sent.\n",
    );
    const publish = await deploy(newsletterArgs("--dry-run", "--publish"));
    expect(publish.stdout).toContain("  1. publish\n");
    expect(graph.requests.length).toBe(sent);
    expect(await lockText()).toBe(before);
  });

  it("exits 2 with a clear message when the token is missing, before loading or sending anything", async () => {
    const missing = await deploy(newsletterArgs(), {});
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(
      /^flowmachine deploy: the access token is missing: set WHATSAPP_ACCESS_TOKEN \(or name another variable with --token-env NAME\)\./,
    );
    const named = await deploy(newsletterArgs("--token-env", "CI_WHATSAPP_TOKEN"), {
      WHATSAPP_ACCESS_TOKEN: graph.accessToken,
    });
    expect(named.status).toBe(2);
    expect(named.stderr).toContain("set CI_WHATSAPP_TOKEN");
    expect(
      (
        await deploy(newsletterArgs("--token-env", "CI_WHATSAPP_TOKEN"), {
          CI_WHATSAPP_TOKEN: graph.accessToken,
        })
      ).status,
    ).toBe(0);
    expect(graph.requests.map((request) => request.method)).toEqual(["POST", "POST"]);
  });

  it("stops when the flow the lock file records no longer exists, instead of creating a second one", async () => {
    expect((await deploy(newsletterArgs())).status).toBe(0);
    const id = onlyFlowId();
    graph.flows.delete(id);
    const before = await lockText();
    const sent = graph.requests.length;
    const run = await deploy(newsletterArgs("--publish"));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `flowmachine deploy: flowmachine.lock.json records flow ${id} for "Newsletter" in WABA ${WABA}, but the Graph API cannot find it (Meta error 100/33: Unsupported get request.`,
    );
    expect(run.stderr).toContain("remove its entry from flowmachine.lock.json and deploy again to create it");
    expect(graph.requests.slice(sent).map((request) => request.method)).toEqual(["GET"]);
    expect(await lockText()).toBe(before);
  });

  it("refuses a lock file it cannot read, and wrong arguments, with exit status 2 and no request", async () => {
    await writeFile(join(folder, "broken.lock.json"), '{ "lockfileVersion": 1, ');
    const broken = await deploy(newsletterArgs("--lock", "broken.lock.json"));
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(
      /^flowmachine deploy: Cannot use the lock file broken\.lock\.json: it is not valid JSON \(.+\)\. Fix it, or restore it from version control\.\n$/,
    );
    await writeFile(join(folder, "other.lock.json"), '{ "lockfileVersion": 2, "flows": {} }');
    expect((await deploy(newsletterArgs("--lock", "other.lock.json"))).stderr).toContain(
      "it is not a flowmachine lock file (lockfileVersion 1)",
    );

    const cases: [string[], string][] = [
      [["newsletter.json", "--name", "N"], "--waba-id is required"],
      [["newsletter.json", "--waba-id", WABA], "--name is required"],
      [newsletterArgs("--category", "SHOPPING"), "unknown category 'SHOPPING'"],
      [
        newsletterArgs("--endpoint-uri", "http://flows.example.com"),
        "--endpoint-uri must be an absolute https:// URL",
      ],
      [newsletterArgs("--json"), "Unknown option '--json'"],
      [["missing.json", "--waba-id", WABA, "--name", "N"], "Cannot load 'missing.json': no file at"],
    ];
    for (const [args, problem] of cases) {
      const run = await deploy(args);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(problem);
    }
    expect(graph.requests).toEqual([]);
  });

  it("uses a custom lock path and keeps flows of other WABAs and names in it", async () => {
    const nowhere = await deploy(newsletterArgs("--lock", "deploy/flows.lock.json"));
    expect(nowhere.status).toBe(2);
    expect(nowhere.stderr).toContain(
      "Cannot use the lock file deploy/flows.lock.json: its folder deploy does not exist.",
    );
    expect(graph.requests).toEqual([]);
    await writeFile(
      join(folder, "flows.lock.json"),
      JSON.stringify({
        lockfileVersion: 1,
        flows: {
          "999": { Other: { flowId: "1", flowJsonHash: "ab", updatedAt: "2025-01-01T00:00:00.000Z" } },
        },
      }),
    );
    expect(
      (await deploy(newsletterArgs("--lock", "flows.lock.json", "--category", "SURVEY,OTHER"))).status,
    ).toBe(0);
    const id = onlyFlowId();
    expect(graph.flows.get(id)?.categories).toEqual(["SURVEY", "OTHER"]);
    const text = await readFile(join(folder, "flows.lock.json"), "utf8");
    expect(JSON.parse(text)).toEqual({
      lockfileVersion: 1,
      flows: {
        "999": { Other: { flowId: "1", flowJsonHash: "ab", updatedAt: "2025-01-01T00:00:00.000Z" } },
        [WABA]: { Newsletter: expect.objectContaining({ flowId: id, published: false }) as unknown },
      },
    });
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("deploys a Flow JSON document or a builder result exported by a module, picked with --export", async () => {
    const document = newsletter("From a module");
    await writeFile(
      join(folder, "flows.ts"),
      [
        `const document = ${JSON.stringify(document)};`,
        "export default document;",
        "export const built = { toFlowJson: () => ({ ...document, screens: [] }) };",
        "",
      ].join("\n"),
    );
    const run = await deploy(["flows.ts", "--waba-id", WABA, "--name", "From module"]);
    expect(run.status).toBe(0);
    const upload = graph.requests[1];
    const file = upload?.body.kind === "multipart" ? upload.body.parts[0] : undefined;
    expect(file?.data.toString("utf8")).toBe(JSON.stringify(document, null, 2));

    const built = await deploy(["flows.ts", "--export", "built", "--waba-id", WABA, "--name", "Built"]);
    expect(built.status).toBe(1);
    expect(built.stderr).toMatch(
      /^flows\.ts:\/screens: \w+ .+\nflowmachine deploy: flows\.ts has 1 error; nothing was sent\.\n$/,
    );
    expect(graph.requests).toHaveLength(2);
  });

  it("stops without publishing when Meta answers an upload with success: false and no error list", async () => {
    expect((await deploy(newsletterArgs())).status).toBe(0);
    const id = onlyFlowId();
    await writeFile(join(folder, "newsletter.json"), JSON.stringify(newsletter("Changed")));
    graph.injectFaults(
      { status: 200, body: { id, status: "DRAFT" } },
      { status: 200, body: { success: false } },
    );
    const run = await deploy(newsletterArgs("--publish"));
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `checked flow ${id}: DRAFT\n` +
        `flowmachine deploy: Meta did not accept the Flow JSON upload (success: false); flow ${id} was not published. Fix the Flow JSON and deploy again.\n`,
    );
    expect(graph.requests.slice(-2).map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /${id}`,
      `POST /${id}/assets`,
    ]);
    expect(await lockJson()).toEqual({
      lockfileVersion: 1,
      flows: {
        [WABA]: { Newsletter: { flowId: id, published: false, updatedAt: expect.any(String) as unknown } },
      },
    });
  });
});
