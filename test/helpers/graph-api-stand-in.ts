/**
 * A stand-in for Meta's Graph API, written from the documented request and response shapes (spec §5): a
 * real HTTP server on 127.0.0.1 (port 0) that keeps flows, keys, media and metrics in memory, enforces the
 * documented state rules with Meta's error envelopes, and records every request it receives.
 *
 * @example
 * const graph = await startGraphApiStandIn();
 * const client = createGraphApiClient({ accessToken: graph.accessToken, baseUrl: graph.url });
 * await client.flows.publish(flowId);
 * expect(graph.lastRequest()).toMatchObject({ method: "POST", path: `/${flowId}/publish` });
 * await graph.close();
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { routeFlowRequest } from "./graph-api-stand-in-flows.js";
import { routeOtherRequest } from "./graph-api-stand-in-messaging.js";
import { multipartBoundary, parseMultipart, type MultipartPart } from "./multipart-parser.js";

/** The decoded body of a recorded request. */
export type RecordedBody =
  | { readonly kind: "none" }
  | { readonly kind: "json"; readonly value: unknown }
  | { readonly kind: "form"; readonly fields: Record<string, string> }
  | { readonly kind: "multipart"; readonly parts: readonly MultipartPart[] }
  | { readonly kind: "text"; readonly text: string };

/** One request as the stand-in received it. */
export interface RecordedRequest {
  readonly method: string;
  /** The path below the version prefix (`/123/publish`), or the whole path for download URLs. */
  readonly path: string;
  readonly version: string | undefined;
  readonly query: Record<string, string>;
  readonly headers: Record<string, string>;
  readonly contentType: string | undefined;
  readonly rawBody: Buffer;
  readonly body: RecordedBody;
}

/** A flow as the stand-in keeps it. */
export interface StandInFlow {
  id: string;
  wabaId: string;
  name: string;
  categories: string[];
  status: "DRAFT" | "PUBLISHED" | "DEPRECATED" | "BLOCKED" | "THROTTLED";
  flowJson: string | undefined;
  validationErrors: unknown[];
  endpointUri: string | undefined;
  applicationId: string | undefined;
  previewToken: string;
}

/** A canned answer for the next request, whatever it is (for retries and timeouts). */
export interface Fault {
  readonly status: number;
  readonly body?: string | object;
  readonly headers?: Record<string, string>;
  /** Wait this long before answering. */
  readonly delayMs?: number;
}

/** What a route answers. */
export interface StandInReply {
  readonly status: number;
  readonly json?: unknown;
  readonly bytes?: Buffer;
  readonly contentType?: string;
}

/** The stand-in's in-memory state, shared with the route modules. */
export interface StandInState {
  readonly url: string;
  readonly accessToken: string;
  readonly flows: Map<string, StandInFlow>;
  readonly encryptionKeys: Map<string, string>;
  readonly media: Map<string, { bytes: Buffer; mimeType: string; sha256?: string }>;
  /** Metric data points by `${flowId}:${metricName}`; a missing entry answers error 139006. */
  readonly metrics: Map<string, { timestamp: string; data: { key: string; value: number }[] }[]>;
  readonly templates: Map<string, unknown>;
  /** `"flat"` (Meta's doc) or `"data"` (Meta's Postman sample) for `GET .../whatsapp_business_encryption`. */
  keyShape: "flat" | "data";
  /**
   * Flow JSON versions Meta no longer accepts (frozen or expired); an upload using one gets
   * `UNAVAILABLE_FLOW_JSON_VERSION`, which a local validator cannot know about in advance.
   */
  readonly unavailableVersions: Set<string>;
  nextId: () => string;
}

export interface GraphApiStandIn extends StandInState {
  readonly requests: RecordedRequest[];
  /** Answers the next requests with these faults, in order. */
  readonly injectFaults: (...faults: Fault[]) => void;
  /** Adds a flow directly (no request recorded). */
  readonly addFlow: (flow: Partial<StandInFlow> & { wabaId: string; name: string }) => StandInFlow;
  readonly lastRequest: () => RecordedRequest;
  readonly close: () => Promise<void>;
}

/** Meta's error envelope, with a fresh `fbtrace_id`. */
export function metaError(
  status: number,
  code: number,
  message: string,
  extra: { subcode?: number; type?: string; userTitle?: string; userMessage?: string } = {},
): StandInReply {
  return {
    status,
    json: {
      error: {
        message,
        type: extra.type ?? "OAuthException",
        code,
        ...(extra.subcode === undefined ? {} : { error_subcode: extra.subcode }),
        is_transient: false,
        ...(extra.userTitle === undefined ? {} : { error_user_title: extra.userTitle }),
        ...(extra.userMessage === undefined ? {} : { error_user_msg: extra.userMessage }),
        fbtrace_id: `A${randomBytes(8).toString("hex")}`,
      },
    },
  };
}

function decodeBody(contentType: string | undefined, raw: Buffer): RecordedBody {
  if (raw.length === 0) return { kind: "none" };
  const boundary = multipartBoundary(contentType);
  if (boundary !== undefined) return { kind: "multipart", parts: parseMultipart(raw, boundary) };
  if (contentType?.startsWith("application/json") === true)
    return { kind: "json", value: JSON.parse(raw.toString("utf8")) };
  if (contentType?.startsWith("application/x-www-form-urlencoded") === true) {
    return { kind: "form", fields: Object.fromEntries(new URLSearchParams(raw.toString("utf8"))) };
  }
  return { kind: "text", text: raw.toString("utf8") };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, reply: StandInReply, headers: Record<string, string> = {}): void {
  const body = reply.bytes ?? Buffer.from(reply.json === undefined ? "" : JSON.stringify(reply.json));
  response.writeHead(reply.status, {
    "content-type": reply.contentType ?? "application/json; charset=UTF-8",
    "content-length": String(body.length),
    ...headers,
  });
  response.end(body);
}

/** Starts the stand-in; `accessToken` is the only token it accepts. */
export async function startGraphApiStandIn(options: { accessToken?: string } = {}): Promise<GraphApiStandIn> {
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  let counter = 1_000_000_000_000_000;
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const state: StandInState = {
    url: `http://127.0.0.1:${port}`,
    accessToken: options.accessToken ?? `EAAG${randomBytes(24).toString("hex")}`,
    flows: new Map(),
    encryptionKeys: new Map(),
    media: new Map(),
    metrics: new Map(),
    templates: new Map(),
    keyShape: "flat",
    unavailableVersions: new Set(),
    nextId: () => String((counter += 1)),
  };

  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      const raw = await readBody(request);
      const url = new URL(request.url ?? "/", state.url);
      const versioned = /^\/(v\d+\.\d+)(\/.*)$/.exec(url.pathname);
      const contentType = request.headers["content-type"];
      const headers = Object.fromEntries(
        Object.entries(request.headers).map(([key, value]) => [
          key,
          Array.isArray(value) ? value.join(", ") : (value ?? ""),
        ]),
      );
      let body: RecordedBody;
      try {
        body = decodeBody(contentType, raw);
      } catch (error) {
        body = { kind: "text", text: raw.toString("utf8") };
        send(response, metaError(400, 100, `Unparsable body: ${(error as Error).message}`));
        return;
      }
      const recorded: RecordedRequest = {
        method: request.method ?? "GET",
        path: versioned?.[2] ?? url.pathname,
        version: versioned?.[1],
        query: Object.fromEntries(url.searchParams),
        headers,
        contentType,
        rawBody: raw,
        body,
      };
      requests.push(recorded);
      const fault = faults.shift();
      if (fault !== undefined) {
        if (fault.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
        const faultBody = typeof fault.body === "string" ? Buffer.from(fault.body) : undefined;
        const reply: StandInReply =
          faultBody === undefined
            ? { status: fault.status, json: fault.body ?? {} }
            : { status: fault.status, bytes: faultBody, contentType: "text/html" };
        if (!response.destroyed) send(response, reply, fault.headers);
        return;
      }
      send(response, route(state, recorded));
    })();
  });

  return Object.assign(state, {
    requests,
    injectFaults: (...added: Fault[]) => {
      faults.push(...added);
    },
    addFlow: (flow: Partial<StandInFlow> & { wabaId: string; name: string }): StandInFlow => {
      const created: StandInFlow = {
        id: state.nextId(),
        categories: ["OTHER"],
        status: "DRAFT",
        flowJson: undefined,
        validationErrors: [],
        endpointUri: undefined,
        applicationId: undefined,
        previewToken: randomBytes(8).toString("hex"),
        ...flow,
      };
      state.flows.set(created.id, created);
      return created;
    },
    lastRequest: (): RecordedRequest => {
      const last = requests.at(-1);
      if (last === undefined) throw new Error("The stand-in has received no request.");
      return last;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  });
}

/** Meta's answer for an id that names nothing (or an edge it does not have). */
export function unknownObject(request: RecordedRequest): StandInReply {
  const id = request.path.split("/")[1] ?? "";
  return metaError(
    400,
    100,
    `Unsupported ${request.method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation`,
    { subcode: 33, type: "GraphMethodException" },
  );
}

function route(state: StandInState, request: RecordedRequest): StandInReply {
  if (request.version === undefined) {
    return routeOtherRequest(state, request) ?? metaError(404, 803, "Unknown path");
  }
  const authorization = request.headers["authorization"] ?? "";
  if (authorization !== `Bearer ${state.accessToken}`) {
    const sent = authorization.replace(/^Bearer /, "");
    return metaError(401, 190, `Malformed access token ${sent}`);
  }
  if ("access_token" in request.query)
    return metaError(400, 100, "access_token must not be sent in the query string");
  return routeFlowRequest(state, request) ?? routeOtherRequest(state, request) ?? unknownObject(request);
}
