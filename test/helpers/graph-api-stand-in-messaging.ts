/**
 * The non-flow routes of the Graph API stand-in: the business encryption key (spec §2.3), messages and
 * templates (§5.2), media lookup and download (§2.4), and the signed asset download links.
 */
import { createHash, randomBytes } from "node:crypto";
import {
  metaError,
  type RecordedRequest,
  type StandInReply,
  type StandInState,
} from "./graph-api-stand-in.js";

function encryptionKey(state: StandInState, phoneNumberId: string, request: RecordedRequest): StandInReply {
  if (request.method === "POST") {
    const key = request.body.kind === "form" ? request.body.fields["business_public_key"] : undefined;
    if (key === undefined || !key.includes("-----BEGIN PUBLIC KEY-----")) {
      return metaError(400, 100, "Param business_public_key must be a valid public key");
    }
    state.encryptionKeys.set(phoneNumberId, key);
    return { status: 200, json: { success: true } };
  }
  const key = state.encryptionKeys.get(phoneNumberId);
  const flat =
    key === undefined ? {} : { business_public_key: key, business_public_key_signature_status: "VALID" };
  return { status: 200, json: state.keyShape === "data" ? { data: key === undefined ? [] : [flat] } : flat };
}

function interactiveFlowError(
  state: StandInState,
  parameters: Record<string, unknown>,
): StandInReply | undefined {
  if (parameters["flow_message_version"] !== "3")
    return metaError(400, 131009, "Parameter value is not valid: flow_message_version");
  const flow = typeof parameters["flow_id"] === "string" ? state.flows.get(parameters["flow_id"]) : undefined;
  if (typeof parameters["flow_id"] === "string" && flow === undefined)
    return metaError(400, 131009, "Parameter value is not valid: flow_id");
  if (flow?.status === "BLOCKED")
    return metaError(400, 132068, "Flow is in blocked state", { type: "OAuthException" });
  if (flow?.status === "THROTTLED")
    return metaError(
      400,
      132069,
      "Flow is in throttled state and 10 messages were already sent in the last hour",
    );
  if (flow !== undefined && flow.status === "DRAFT" && parameters["mode"] !== "draft") {
    return metaError(
      400,
      131009,
      "Parameter value is not valid: a DRAFT flow can only be sent with mode draft",
    );
  }
  return undefined;
}

function sendMessage(state: StandInState, request: RecordedRequest): StandInReply {
  if (request.body.kind !== "json") return metaError(400, 100, "The message must be JSON");
  const message = request.body.value as Record<string, unknown>;
  if (message["messaging_product"] !== "whatsapp")
    return metaError(400, 100, "The parameter messaging_product is required");
  if (typeof message["to"] !== "string") return metaError(400, 100, "The parameter to is required");
  if (message["type"] === "interactive") {
    const interactive = message["interactive"] as
      { action?: { parameters?: Record<string, unknown> } } | undefined;
    const error = interactiveFlowError(state, interactive?.action?.parameters ?? {});
    if (error !== undefined) return error;
  }
  return {
    status: 200,
    json: {
      messaging_product: "whatsapp",
      contacts: [{ input: message["to"], wa_id: message["to"].replace(/\D/g, "") }],
      messages: [{ id: `wamid.${randomBytes(12).toString("base64url")}`, message_status: "accepted" }],
    },
  };
}

function createTemplate(state: StandInState, request: RecordedRequest): StandInReply {
  if (request.body.kind !== "json") return metaError(400, 100, "The template must be JSON");
  const template = request.body.value as { name?: unknown; category?: unknown };
  if (typeof template.name !== "string") return metaError(400, 100, "The parameter name is required");
  const id = state.nextId();
  state.templates.set(id, template);
  return { status: 200, json: { id, status: "PENDING", category: template.category } };
}

function media(state: StandInState, id: string): StandInReply | undefined {
  const file = state.media.get(id);
  if (file === undefined) return undefined;
  return {
    status: 200,
    json: {
      messaging_product: "whatsapp",
      url: `${state.url}/media-download/${id}`,
      mime_type: file.mimeType,
      sha256: file.sha256 ?? createHash("sha256").update(file.bytes).digest("hex"),
      file_size: file.bytes.length,
      id,
    },
  };
}

/** Answers the routes this module owns, or `undefined`. Version-less paths are the download links. */
export function routeOtherRequest(state: StandInState, request: RecordedRequest): StandInReply | undefined {
  const [first, second, extra] = request.path.split("/").slice(1);
  if (request.version === undefined) {
    if (first === "asset-download" && second !== undefined) {
      const json = state.flows.get(second)?.flowJson;
      return json === undefined
        ? undefined
        : { status: 200, bytes: Buffer.from(json), contentType: "application/json" };
    }
    if (first === "media-download" && second !== undefined) {
      if (request.headers["authorization"] !== `Bearer ${state.accessToken}`)
        return metaError(401, 190, "Invalid OAuth access token");
      const file = state.media.get(second);
      return file === undefined ? undefined : { status: 200, bytes: file.bytes, contentType: file.mimeType };
    }
    return undefined;
  }
  if (first === undefined || extra !== undefined) return undefined;
  if (second === "whatsapp_business_encryption") return encryptionKey(state, first, request);
  if (second === "messages" && request.method === "POST") return sendMessage(state, request);
  if (second === "message_templates" && request.method === "POST") return createTemplate(state, request);
  if (second === undefined && request.method === "GET") return media(state, first);
  return undefined;
}
