/**
 * `flowmachine flows list | get | metrics`: read a WABA's flows, one flow's details and its endpoint
 * metrics from the Graph API, as aligned tables or JSON.
 */
import type { FlowDetails } from "../graph-api/flow-details.js";
import {
  FLOW_METRIC_GRANULARITIES,
  FLOW_METRIC_KEYS,
  type FlowMetricGranularity,
  type FlowMetricName,
} from "../graph-api/flow-metrics-resource.js";
import { formatTable } from "./aligned-table.js";
import type { Command, CommandIo } from "./command.js";
import {
  UsageError,
  graphClientFor,
  graphOptionsUsage,
  parseGraphArgs,
  runGraphCommand,
} from "./graph-cli-options.js";

const usage = `Usage:
  flowmachine flows list --waba-id ID [options]
  flowmachine flows get FLOW_ID [--phone-number-id ID] [--invalidate-preview] [options]
  flowmachine flows metrics FLOW_ID --name METRIC [--granularity DAY|HOUR|LIFETIME] [--since YYYY-MM-DD] [--until YYYY-MM-DD] [options]

Metrics: ${Object.keys(FLOW_METRIC_KEYS).join(", ")}

Options:
${graphOptionsUsage}
`;

function printJson(io: CommandIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

function oneId(positionals: readonly string[], what: string): string {
  const [id, ...rest] = positionals;
  if (id === undefined || rest.length > 0) throw new UsageError(`give exactly one ${what}.`);
  return id;
}

async function list(args: readonly string[], io: CommandIo): Promise<void> {
  const { values, positionals } = parseGraphArgs(args, {
    "waba-id": { type: "string" },
    limit: { type: "string" },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument '${positionals[0] ?? ""}'.`);
  const wabaId = values["waba-id"];
  if (wabaId === undefined) throw new UsageError("--waba-id is required.");
  const client = graphClientFor(values, io);
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
    throw new UsageError("--limit must be a positive integer.");
  const flows: FlowDetails[] = [];
  for await (const flow of client.flows.list(limit === undefined ? { wabaId } : { wabaId, limit }))
    flows.push(flow);
  if (values.json === true) return printJson(io, flows);
  const rows = flows.map((flow) => [
    flow.id,
    flow.name ?? "",
    flow.status ?? "",
    (flow.categories ?? []).join(","),
    flow.json_version ?? "",
    String(flow.validation_errors?.length ?? 0),
  ]);
  io.stdout(formatTable(["ID", "NAME", "STATUS", "CATEGORIES", "JSON", "ERRORS"], rows));
}

async function get(args: readonly string[], io: CommandIo): Promise<void> {
  const { values, positionals } = parseGraphArgs(args, {
    "phone-number-id": { type: "string" },
    "invalidate-preview": { type: "boolean" },
  });
  const flowId = oneId(positionals, "FLOW_ID");
  const client = graphClientFor(values, io);
  const flow = await client.flows.get(flowId, {
    invalidatePreview: values["invalidate-preview"] === true,
    ...(values["phone-number-id"] === undefined ? {} : { phoneNumberId: values["phone-number-id"] }),
  });
  if (values.json === true) return printJson(io, flow);
  const fields: [string, string | undefined][] = [
    ["id", flow.id],
    ["name", flow.name],
    ["status", flow.status],
    ["categories", flow.categories?.join(", ")],
    ["json_version", flow.json_version],
    ["data_api_version", flow.data_api_version],
    ["endpoint_uri", flow.endpoint_uri ?? flow.data_channel_uri],
    ["application", flow.application?.id],
    ["waba", flow.whatsapp_business_account?.id],
    ["can_send_message", flow.health_status?.can_send_message],
    ["preview_url", flow.preview?.preview_url],
    ["preview_expires_at", flow.preview?.expires_at],
  ];
  io.stdout(
    formatTable(["FIELD", "VALUE"], fields.filter(([, value]) => value !== undefined) as [string, string][]),
  );
  const problems = (flow.health_status?.entities ?? []).flatMap((entity) =>
    (entity.errors ?? []).map((error) => [
      entity.entity_type,
      String(error.error_code),
      error.error_description,
    ]),
  );
  if (problems.length > 0)
    io.stdout(`\nHealth problems:\n${formatTable(["ENTITY", "CODE", "DESCRIPTION"], problems)}`);
  const errors = flow.validation_errors ?? [];
  if (errors.length > 0) {
    const rows = errors.map((error) => [
      error.line_start === undefined ? "" : `${error.line_start}:${error.column_start ?? ""}`,
      error.error,
      error.message,
    ]);
    io.stdout(`\nValidation errors:\n${formatTable(["LINE:COL", "ERROR", "MESSAGE"], rows)}`);
  }
}

async function metrics(args: readonly string[], io: CommandIo): Promise<void> {
  const { values, positionals } = parseGraphArgs(args, {
    name: { type: "string" },
    granularity: { type: "string" },
    since: { type: "string" },
    until: { type: "string" },
  });
  const flowId = oneId(positionals, "FLOW_ID");
  const name = values.name;
  if (name === undefined || !Object.hasOwn(FLOW_METRIC_KEYS, name)) {
    throw new UsageError(`--name must be one of ${Object.keys(FLOW_METRIC_KEYS).join(", ")}.`);
  }
  const granularity = values.granularity ?? "DAY";
  if (!(FLOW_METRIC_GRANULARITIES as readonly string[]).includes(granularity)) {
    throw new UsageError(`--granularity must be one of ${FLOW_METRIC_GRANULARITIES.join(", ")}.`);
  }
  const client = graphClientFor(values, io);
  const metricName = name as FlowMetricName;
  const series = await client.flows.getMetric(flowId, {
    name: metricName,
    granularity: granularity as FlowMetricGranularity,
    ...(values.since === undefined ? {} : { since: values.since }),
    ...(values.until === undefined ? {} : { until: values.until }),
  });
  if (values.json === true) return printJson(io, series);
  const keys: readonly string[] = FLOW_METRIC_KEYS[metricName];
  const rows = series.data_points.map((point) => {
    const byKey = new Map(point.data.map(({ key, value }) => [key, String(value)]));
    return [point.timestamp, ...keys.map((key) => byKey.get(key) ?? "")];
  });
  io.stdout(formatTable(["TIMESTAMP", ...keys.map((key) => key.toUpperCase())], rows));
}

const subcommands: Readonly<Record<string, (args: readonly string[], io: CommandIo) => Promise<void>>> = {
  list,
  get,
  metrics,
};

/**
 * The `flows` command.
 *
 * @example
 * // WHATSAPP_ACCESS_TOKEN=... flowmachine flows list --waba-id 1234567890
 */
export const flowsCommand: Command = {
  summary: "List flows, show one flow, or print its endpoint metrics (Graph API)",
  usage,
  run: (args, io) =>
    runGraphCommand("flows", usage, io, async () => {
      const [name, ...rest] = args;
      if (name === undefined || name.startsWith("-"))
        throw new UsageError("give a subcommand: list, get or metrics.");
      const subcommand = subcommands[name];
      if (subcommand === undefined) throw new UsageError(`unknown subcommand '${name}'.`);
      await subcommand(rest, io);
    }),
};
