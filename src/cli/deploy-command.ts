/**
 * `flowmachine deploy MODULE --waba-id ID --name NAME [...]`: brings a flow on Meta's side to the local
 * Flow JSON. Checks MODULE locally first (nothing is sent when it has an error), then, guided by the
 * lock file (`flowmachine.lock.json`, committed with the flow): creates the flow when the lock does not
 * know it, uploads the Flow JSON when its content hash changed, sets endpoint_uri when it changed, and
 * publishes with `--publish` unless it is already published at this hash. A run with nothing to change
 * sends one GET (to confirm the recorded flow still exists) and no write.
 *
 * @example
 * // WHATSAPP_ACCESS_TOKEN=... flowmachine deploy examples/sign-in/flow.ts --waba-id 102290129340398 \
 * //   --name "Sign in" --category SIGN_IN --endpoint-uri https://flows.example.com/sign-in --publish
 * await deployCommand.run(["examples/sign-in/flow.ts", "--waba-id", "102290129340398", "--name", "Sign in"], io);
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowsapi
 */
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { FLOW_CATEGORIES, type FlowCategory } from "../graph-api/flow-details.js";
import { validationErrorsToDiagnostics } from "../graph-api/flow-validation-error.js";
import type { Command, CommandIo } from "./command.js";
import { describeStep, planDeploy, type DeployPlan, type DeployStep } from "./deploy/deploy-plan.js";
import { loadDeploySource } from "./deploy/deploy-source.js";
import { LockFileError } from "./deploy/errors.js";
import { LOCK_FILE_NAME, findLockEntry, readLockFile, writeLockFile } from "./deploy/lock-file.js";
import { readLockedFlowStatus, runDeployPlan, type DeployOutcome } from "./deploy/run-deploy.js";
import { countOf, formatDiagnosticLine } from "./diagnostic-line.js";
import {
  DEFAULT_TOKEN_ENV,
  UsageError,
  graphClientFor,
  graphOptions,
  runGraphCommand,
} from "./graph-cli-options.js";
import { ModuleLoadError } from "./load-module.js";

const usage = `Usage: flowmachine deploy MODULE --waba-id ID --name NAME [options]

Deploys a flow: loads MODULE (a .ts/.js module exporting a flow machine, a Flow JSON document or a
builder result, or a .json file), compiles and validates it locally, then, guided by the lock file:
creates the flow when the lock file does not know it, uploads the Flow JSON when its content changed,
sets endpoint_uri when it changed, and publishes with --publish. The lock file records each step that
succeeded; commit it. A run with nothing to change sends no write request (one GET confirms that the
recorded flow still exists).

Options:
  --export NAME       the export to deploy (default: the default export)
  --waba-id ID        the WhatsApp Business Account that owns the flow (required)
  --name NAME         the flow's name, unique within the WABA (required)
  --category C        a category for a new flow, repeatable or comma-separated (default OTHER):
                      ${FLOW_CATEGORIES.slice(0, 4).join(", ")},
                      ${FLOW_CATEGORIES.slice(4).join(", ")}
  --endpoint-uri URL  the data endpoint (https://); set when it differs from the lock file
  --publish           publish, unless the flow is already published with this Flow JSON
  --lock FILE         the lock file (default ${LOCK_FILE_NAME} in the current folder)
  --dry-run           print the plan from the lock file alone; sends no request, needs no token
  --graph-url URL     Graph API origin (default https://graph.facebook.com)
  --token-env NAME    env var holding the access token (default ${DEFAULT_TOKEN_ENV})

Progress goes to stderr, one line per step, and a summary line to stdout. Problems print as
'FILE:POINTER: CODE message', like 'flowmachine validate'; Meta's validation errors also give the line
and column in the uploaded text (for a module, the output of 'flowmachine compile MODULE').

Exit status: 0 deployed or nothing to do, 1 the Flow JSON has errors (found locally or by Meta) or a
Graph API call failed, 2 wrong arguments, a missing token, or a module or lock file that cannot be read.
`;

const deployOptions = {
  export: { type: "string" },
  "waba-id": { type: "string" },
  name: { type: "string" },
  category: { type: "string", multiple: true },
  "endpoint-uri": { type: "string" },
  publish: { type: "boolean" },
  lock: { type: "string" },
  "dry-run": { type: "boolean" },
  "graph-url": graphOptions["graph-url"],
  "token-env": graphOptions["token-env"],
  help: graphOptions.help,
} as const;

/** The checked arguments of a deploy. */
interface DeployArgs {
  readonly module: string;
  readonly exportName: string | undefined;
  readonly wabaId: string;
  readonly name: string;
  readonly categories: readonly FlowCategory[];
  readonly endpointUri: string | undefined;
  readonly publish: boolean;
  readonly lock: string;
  readonly dryRun: boolean;
  readonly graph: { readonly "graph-url"?: string; readonly "token-env"?: string };
}

function isHttpsUrl(text: string): boolean {
  try {
    return new URL(text).protocol === "https:";
  } catch {
    return false;
  }
}

function parseDeployArgs(args: readonly string[]): DeployArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: deployOptions, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : "invalid arguments");
  }
  const { values, positionals } = parsed;
  const [module, ...extra] = positionals;
  if (module === undefined || extra.length > 0) throw new UsageError("give exactly one MODULE.");
  const wabaId = values["waba-id"];
  if (wabaId === undefined || !/^\d+$/.test(wabaId))
    throw new UsageError("--waba-id is required: the numeric WhatsApp Business Account id.");
  const name = values.name?.trim();
  if (name === undefined || name === "") throw new UsageError("--name is required: the flow's name.");
  const categories = [...new Set((values.category ?? ["OTHER"]).flatMap((value) => value.split(",")))];
  const unknown = categories.find((category) => !(FLOW_CATEGORIES as readonly string[]).includes(category));
  if (unknown !== undefined)
    throw new UsageError(`unknown category '${unknown}'; use ${FLOW_CATEGORIES.join(", ")}.`);
  const endpointUri = values["endpoint-uri"];
  if (endpointUri !== undefined && !isHttpsUrl(endpointUri))
    throw new UsageError("--endpoint-uri must be an absolute https:// URL.");
  return {
    module,
    exportName: values.export,
    wabaId,
    name,
    categories: categories as FlowCategory[],
    endpointUri,
    publish: values.publish === true,
    lock: values.lock ?? LOCK_FILE_NAME,
    dryRun: values["dry-run"] === true,
    graph: {
      ...(values["graph-url"] === undefined ? {} : { "graph-url": values["graph-url"] }),
      ...(values["token-env"] === undefined ? {} : { "token-env": values["token-env"] }),
    },
  };
}

const pastTense: Readonly<Record<DeployStep["kind"], string>> = {
  create: "created",
  upload: "uploaded",
  "set-endpoint": "endpoint_uri set",
  publish: "published",
};

function printDryRun(io: CommandIo, args: DeployArgs, plan: DeployPlan, flowId: string | undefined): void {
  const target = `"${args.name}"${flowId === undefined ? "" : ` (flow ${flowId})`} in WABA ${args.wabaId}`;
  const lines = [
    `Plan for ${target}, from ${args.lock}:`,
    ...plan.steps.map((step, index) => `  ${index + 1}. ${describeStep(step)}`),
    ...plan.skipped.map((line) => `  - ${line}`),
    plan.steps.length === 0
      ? "Dry run: nothing to deploy; no request sent."
      : `Dry run: ${countOf(plan.steps.length, "write")} planned; no request sent.`,
  ];
  io.stdout(`${lines.join("\n")}\n`);
}

function summary(args: DeployArgs, outcome: DeployOutcome & { ok: true }): string {
  const flow = `"${args.name}" (flow ${outcome.entry.flowId} in WABA ${args.wabaId})`;
  if (outcome.done.length === 0) return `${flow}: up to date, no change sent.`;
  const done = outcome.done.map((step) => pastTense[step.kind]).join(", ");
  const draft = outcome.entry.published === true ? "" : " It is a draft until deployed with --publish.";
  return `${flow}: ${done}; recorded in ${args.lock}.${draft}`;
}

async function deploy(rawArgs: readonly string[], io: CommandIo): Promise<number> {
  const args = parseDeployArgs(rawArgs);
  const client = args.dryRun ? undefined : graphClientFor(args.graph, io);
  const source = await loadDeploySource(args.module, {
    cwd: io.cwd,
    ...(args.exportName === undefined ? {} : { exportName: args.exportName }),
  });
  for (const diagnostic of source.diagnostics)
    io.stderr(`${formatDiagnosticLine(source.label, diagnostic)}\n`);
  if (source.flowJson === undefined) {
    const errors = source.diagnostics.filter((diagnostic) => diagnostic.severity === "error").length;
    io.stderr(`flowmachine deploy: ${source.label} has ${countOf(errors, "error")}; nothing was sent.\n`);
    return 1;
  }
  const lockPath = resolve(io.cwd, args.lock);
  const lock = await readLockFile(lockPath, args.lock);
  const entry = findLockEntry(lock, args.wabaId, args.name);
  const planInput = {
    name: args.name,
    entry,
    hash: source.flowJson.hash,
    categories: args.categories,
    publish: args.publish,
    ...(args.endpointUri === undefined ? {} : { endpointUri: args.endpointUri }),
  };
  if (client === undefined) {
    printDryRun(io, args, planDeploy(planInput), entry?.flowId);
    return 0;
  }
  let remoteStatus: string | undefined;
  if (entry !== undefined) {
    remoteStatus = await readLockedFlowStatus(client, {
      flowId: entry.flowId,
      wabaId: args.wabaId,
      name: args.name,
      lockPath: args.lock,
    });
    io.stderr(`checked flow ${entry.flowId}: ${remoteStatus ?? "status unknown"}\n`);
  }
  const plan = planDeploy({ ...planInput, ...(remoteStatus === undefined ? {} : { remoteStatus }) });
  for (const line of plan.skipped) io.stderr(`${line}\n`);
  const outcome = await runDeployPlan(plan, {
    client,
    wabaId: args.wabaId,
    name: args.name,
    flowJson: source.flowJson,
    lock,
    entry,
    saveLock: (next) => writeLockFile(lockPath, next),
    progress: (line) => io.stderr(`${line}\n`),
    now: () => new Date(),
  });
  if (!outcome.ok) {
    const diagnostics = validationErrorsToDiagnostics(outcome.validationErrors);
    for (const diagnostic of diagnostics) io.stderr(`${formatDiagnosticLine(source.label, diagnostic)}\n`);
    const problem =
      diagnostics.length === 0
        ? "Meta did not accept the Flow JSON upload (success: false)"
        : `Meta reported ${countOf(diagnostics.length, "validation error")} in the uploaded Flow JSON`;
    io.stderr(
      `flowmachine deploy: ${problem}; flow ${outcome.entry.flowId} was not published. Fix the Flow JSON and deploy again.\n`,
    );
    return 1;
  }
  io.stdout(`${summary(args, outcome)}\n`);
  return 0;
}

/**
 * The `deploy` command.
 *
 * @example
 * // WHATSAPP_ACCESS_TOKEN=... flowmachine deploy flow.json --waba-id 102290129340398 --name "Newsletter" --publish
 */
export const deployCommand: Command = {
  summary: "Create, upload and publish a flow on WhatsApp, tracked in flowmachine.lock.json",
  usage,
  run: async (args, io) => {
    let status = 0;
    const code = await runGraphCommand("deploy", usage, io, async () => {
      try {
        status = await deploy(args, io);
      } catch (error) {
        if (!(error instanceof ModuleLoadError || error instanceof LockFileError)) throw error;
        io.stderr(`flowmachine deploy: ${error.message}\n`);
        status = 2;
      }
    });
    return code === 0 ? status : code;
  },
};
