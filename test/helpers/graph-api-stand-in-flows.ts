/**
 * The flow routes of the Graph API stand-in (spec §5.1, §5.5, §5.6): create, list, get with fields,
 * metadata, multipart asset upload with validation errors pointing at lines and columns, assets,
 * publish/deprecate/delete state rules, metrics and migration.
 */
import { randomBytes } from "node:crypto";
import {
  metaError,
  unknownObject,
  type RecordedRequest,
  type StandInFlow,
  type StandInReply,
  type StandInState,
} from "./graph-api-stand-in.js";
import { validateFlowJson } from "./graph-api-stand-in-validation.js";

const CATEGORIES = new Set([
  "SIGN_UP",
  "SIGN_IN",
  "APPOINTMENT_BOOKING",
  "LEAD_GENERATION",
  "CONTACT_US",
  "CUSTOMER_SUPPORT",
  "SURVEY",
  "OTHER",
]);

/** Splits a `fields=` expression at top-level commas: `id,metric.name(A).granularity(DAY)`. */
export function splitFields(expression: string): string[] {
  const fields: string[] = [];
  let depth = 0;
  let current = "";
  for (const char of expression) {
    if (char === "(") depth += 1;
    if (char === ")") depth -= 1;
    if (char === "," && depth === 0) {
      fields.push(current);
      current = "";
    } else current += char;
  }
  if (current !== "") fields.push(current);
  return fields;
}

function modifier(field: string, name: string): string | undefined {
  return new RegExp(`\\.${name}\\(([^)]*)\\)`).exec(field)?.[1];
}

function fieldsOf(request: RecordedRequest): Record<string, unknown> {
  if (request.body.kind === "json") return request.body.value as Record<string, unknown>;
  if (request.body.kind === "form") {
    const fields: Record<string, unknown> = { ...request.body.fields };
    if (typeof fields["categories"] === "string") fields["categories"] = JSON.parse(fields["categories"]);
    return fields;
  }
  return {};
}

function versionOf(flow: StandInFlow, key: "version" | "data_api_version"): string | undefined {
  if (flow.flowJson === undefined) return undefined;
  try {
    const value = (JSON.parse(flow.flowJson) as Record<string, unknown>)[key];
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}

function view(state: StandInState, flow: StandInFlow, expression: string): Record<string, unknown> {
  const result: Record<string, unknown> = { id: flow.id };
  for (const field of splitFields(expression)) {
    const name = /^[a-z_]+/.exec(field)?.[0] ?? field;
    if (name === "name") result["name"] = flow.name;
    if (name === "status") result["status"] = flow.status;
    if (name === "categories") result["categories"] = flow.categories;
    if (name === "validation_errors") result["validation_errors"] = flow.validationErrors;
    if (name === "json_version" && versionOf(flow, "version") !== undefined)
      result["json_version"] = versionOf(flow, "version");
    if (name === "data_api_version" && versionOf(flow, "data_api_version") !== undefined)
      result["data_api_version"] = versionOf(flow, "data_api_version");
    if (name === "endpoint_uri" && flow.endpointUri !== undefined) result["endpoint_uri"] = flow.endpointUri;
    if (name === "whatsapp_business_account")
      result["whatsapp_business_account"] = { id: flow.wabaId, name: "Stand-in WABA" };
    if (name === "application" && flow.applicationId !== undefined)
      result["application"] = { id: flow.applicationId, name: "Stand-in app" };
    if (name === "preview") {
      if (modifier(field, "invalidate") === "true") flow.previewToken = randomBytes(8).toString("hex");
      result["preview"] = {
        preview_url: `${state.url}/preview/${flow.id}/?token=${flow.previewToken}`,
        expires_at: new Date(Date.UTC(2030, 0, 31)).toISOString().replace(".000Z", "+0000"),
      };
    }
    if (name === "health_status") {
      const can =
        flow.status === "BLOCKED" ? "BLOCKED" : flow.status === "THROTTLED" ? "LIMITED" : "AVAILABLE";
      const phone = modifier(field, "phone_number");
      const entities: unknown[] = [
        { entity_type: "FLOW", id: flow.id, can_send_message: can },
        { entity_type: "WABA", id: flow.wabaId, can_send_message: "AVAILABLE" },
      ];
      if (phone !== undefined) {
        const hasKey = state.encryptionKeys.has(phone);
        entities.push({
          entity_type: "PHONE_NUMBER",
          id: phone,
          can_send_message: hasKey ? "AVAILABLE" : "BLOCKED",
          ...(hasKey
            ? {}
            : {
                errors: [
                  {
                    error_code: 139002,
                    error_description: "Missing signed public key.",
                    possible_solution: "Upload a business public key.",
                  },
                ],
              }),
        });
      }
      result["health_status"] = { can_send_message: can, entities };
    }
  }
  return result;
}

function metric(state: StandInState, flow: StandInFlow, field: string): StandInReply {
  const name = modifier(field, "name") ?? "";
  const granularity = modifier(field, "granularity") ?? "";
  if (!["DAY", "HOUR", "LIFETIME"].includes(granularity)) return metaError(400, 100, "Invalid granularity");
  const points = state.metrics.get(`${flow.id}:${name}`);
  if (points === undefined)
    return metaError(400, 139006, "Metrics threshold is not reached", {
      userTitle: "Metrics threshold not reached",
    });
  const since = modifier(field, "since");
  const until = modifier(field, "until");
  const data_points = points.filter(
    (point) =>
      (since === undefined || point.timestamp.slice(0, 10) >= since) &&
      (until === undefined || point.timestamp.slice(0, 10) <= until),
  );
  return { status: 200, json: { id: flow.id, metric: { name, granularity, data_points } } };
}

function createFlow(state: StandInState, wabaId: string, request: RecordedRequest): StandInReply {
  const fields = fieldsOf(request);
  const name = fields["name"];
  const categories = fields["categories"];
  if (typeof name !== "string" || name === "") return metaError(400, 100, "The parameter name is required");
  if (
    !Array.isArray(categories) ||
    categories.length === 0 ||
    !categories.every((category) => CATEGORIES.has(category as string))
  ) {
    return metaError(400, 100, "Invalid parameter categories");
  }
  if ([...state.flows.values()].some((flow) => flow.wabaId === wabaId && flow.name === name)) {
    return metaError(400, 100, "Flow name is not unique", { userTitle: "Flow name is not unique" });
  }
  let flowJson = typeof fields["flow_json"] === "string" ? fields["flow_json"] : undefined;
  const clone = fields["clone_flow_id"];
  if (typeof clone === "string") {
    const source = state.flows.get(clone);
    if (source === undefined) return metaError(400, 100, "The flow id to clone doesn't exist");
    flowJson = source.flowJson;
  }
  const validationErrors = flowJson === undefined ? [] : validateFlowJson(flowJson, state);
  const flow: StandInFlow = {
    id: state.nextId(),
    wabaId,
    name,
    categories: categories as string[],
    status:
      fields["publish"] === true && flowJson !== undefined && validationErrors.length === 0
        ? "PUBLISHED"
        : "DRAFT",
    flowJson,
    validationErrors,
    endpointUri: typeof fields["endpoint_uri"] === "string" ? fields["endpoint_uri"] : undefined,
    applicationId: undefined,
    previewToken: randomBytes(8).toString("hex"),
  };
  state.flows.set(flow.id, flow);
  return {
    status: 200,
    json: {
      id: flow.id,
      success: true,
      ...(validationErrors.length === 0 ? {} : { validation_errors: validationErrors }),
    },
  };
}

function listFlows(state: StandInState, wabaId: string, request: RecordedRequest): StandInReply {
  const all = [...state.flows.values()].filter((flow) => flow.wabaId === wabaId);
  const limit = Number(request.query["limit"] ?? "25");
  const start =
    request.query["after"] === undefined
      ? 0
      : Number(Buffer.from(request.query["after"], "base64").toString("utf8"));
  const page = all.slice(start, start + limit);
  const cursor = (index: number): string => Buffer.from(String(index)).toString("base64");
  const hasNext = start + limit < all.length;
  return {
    status: 200,
    json: {
      data: page.map((flow) =>
        view(state, flow, request.query["fields"] ?? "id,name,status,categories,validation_errors"),
      ),
      paging: {
        cursors: { before: cursor(start), after: cursor(start + page.length) },
        ...(hasNext
          ? { next: `${state.url}/v24.0/${wabaId}/flows?after=${cursor(start + page.length)}` }
          : {}),
      },
    },
  };
}

function uploadAsset(state: StandInState, flow: StandInFlow, request: RecordedRequest): StandInReply {
  if (request.body.kind !== "multipart")
    return metaError(400, 100, "The asset upload must be multipart/form-data");
  const parts = request.body.parts;
  const field = (name: string) => parts.find((part) => part.name === name);
  const file = field("file");
  if (field("name")?.data.toString() !== "flow.json")
    return metaError(400, 100, "The parameter name must be flow.json");
  if (field("asset_type")?.data.toString() !== "FLOW_JSON")
    return metaError(400, 100, "The parameter asset_type must be FLOW_JSON");
  if (file === undefined || file.contentType !== "application/json")
    return metaError(400, 100, "The file must be sent as application/json");
  if (flow.status === "DEPRECATED")
    return metaError(400, 139001, "Flow can't be updated", { userTitle: "Flow can't be updated" });
  if (file.data.length > 10 * 1024 * 1024) return metaError(400, 100, "File too large");
  flow.flowJson = file.data.toString("utf8");
  flow.validationErrors = validateFlowJson(flow.flowJson, state);
  if (flow.status === "PUBLISHED") flow.status = "DRAFT";
  return { status: 200, json: { success: true, validation_errors: flow.validationErrors } };
}

function lifecycle(
  state: StandInState,
  flow: StandInFlow,
  action: string | undefined,
  method: string,
): StandInReply | undefined {
  if (method === "POST" && action === "publish") {
    if (flow.status !== "DRAFT")
      return metaError(400, 139002, "Publishing Flow in invalid state", {
        userTitle: "Flow can't be published",
      });
    if (flow.flowJson === undefined || flow.validationErrors.length > 0) {
      return metaError(400, 139002, "Flow can't be published", {
        userTitle: "Flow can't be published",
        userMessage: "The flow has validation errors.",
      });
    }
    if (versionOf(flow, "data_api_version") !== undefined && flow.endpointUri === undefined) {
      return metaError(400, 139002, "No endpoint URI found", {
        userTitle: "Flow can't be published",
        userMessage: "Set endpoint_uri first.",
      });
    }
    flow.status = "PUBLISHED";
    return { status: 200, json: { success: true } };
  }
  if (method === "POST" && action === "deprecate") {
    if (flow.status === "DEPRECATED")
      return metaError(400, 139003, "Flow is already deprecated", { userTitle: "Can't deprecate Flow" });
    if (flow.status === "DRAFT")
      return metaError(400, 139003, "Can't deprecate unpublished flow", {
        userTitle: "Can't deprecate Flow",
      });
    flow.status = "DEPRECATED";
    return { status: 200, json: { success: true } };
  }
  if (method === "DELETE" && action === undefined) {
    if (flow.status !== "DRAFT")
      return metaError(400, 139004, "Flow can't be deleted", { userTitle: "Can't delete a published Flow" });
    state.flows.delete(flow.id);
    return { status: 200, json: { success: true } };
  }
  return undefined;
}

function updateMetadata(flow: StandInFlow, request: RecordedRequest): StandInReply {
  const fields = fieldsOf(request);
  if (flow.status === "DEPRECATED")
    return metaError(400, 139001, "Flow can't be updated", { userTitle: "Flow can't be updated" });
  if (Object.keys(fields).length === 0) return metaError(400, 100, "No field to update");
  if (typeof fields["name"] === "string") flow.name = fields["name"];
  if (Array.isArray(fields["categories"])) flow.categories = fields["categories"] as string[];
  if (typeof fields["endpoint_uri"] === "string") flow.endpointUri = fields["endpoint_uri"];
  if (typeof fields["application_id"] === "string") flow.applicationId = fields["application_id"];
  if (flow.status === "PUBLISHED") flow.status = "DRAFT";
  return { status: 200, json: { success: true } };
}

function migrate(state: StandInState, destination: string, request: RecordedRequest): StandInReply {
  const source = request.query["source_waba_id"];
  const names = JSON.parse(request.query["source_flow_names"] ?? "[]") as string[];
  if (source === undefined || !Array.isArray(names) || names.length > 100)
    return metaError(400, 100, "Invalid migration parameters");
  const migrated: unknown[] = [];
  const failed: unknown[] = [];
  for (const name of names) {
    const flow = [...state.flows.values()].find(
      (candidate) => candidate.wabaId === source && candidate.name === name,
    );
    if (flow === undefined) {
      failed.push({
        source_name: name,
        error_code: "4233041",
        error_message: "Flow with this name does not exist in the source WABA",
      });
      continue;
    }
    const copy: StandInFlow = {
      ...flow,
      id: state.nextId(),
      wabaId: destination,
      previewToken: randomBytes(8).toString("hex"),
    };
    state.flows.set(copy.id, copy);
    migrated.push({ source_name: name, source_id: flow.id, migrated_id: copy.id });
  }
  return { status: 200, json: { migrated_flows: migrated, failed_flows: failed } };
}

/** Answers the flow routes, or `undefined` when the request is not one of them. */
export function routeFlowRequest(state: StandInState, request: RecordedRequest): StandInReply | undefined {
  const [id, edge, extra] = request.path.split("/").slice(1);
  if (id === undefined || extra !== undefined) return undefined;
  if (edge === "flows")
    return request.method === "POST" ? createFlow(state, id, request) : listFlows(state, id, request);
  if (edge === "migrate_flows" && request.method === "POST") return migrate(state, id, request);
  const flow = state.flows.get(id);
  if (flow === undefined) {
    if (edge === undefined || !["assets", "publish", "deprecate"].includes(edge)) return undefined;
    return unknownObject(request);
  }
  if (edge === "assets") {
    if (request.method === "POST") return uploadAsset(state, flow, request);
    const data =
      flow.flowJson === undefined
        ? []
        : [
            {
              name: "flow.json",
              asset_type: "FLOW_JSON",
              download_url: `${state.url}/asset-download/${flow.id}`,
            },
          ];
    return { status: 200, json: { data, paging: { cursors: { before: "MAZDZD", after: "MAZDZD" } } } };
  }
  const decided = lifecycle(state, flow, edge, request.method);
  if (decided !== undefined) return decided;
  if (edge !== undefined) return undefined;
  if (request.method === "POST") return updateMetadata(flow, request);
  const expression = request.query["fields"] ?? "id,name,status,categories,validation_errors";
  const metricField = splitFields(expression).find((field) => field.startsWith("metric."));
  return metricField === undefined
    ? { status: 200, json: view(state, flow, expression) }
    : metric(state, flow, metricField);
}
