/**
 * Flow management on the Graph API: create, read, list, update metadata, publish, deprecate, delete.
 * Flow JSON uploads, assets, metrics and migration live in their own files.
 */
import { Schema } from "effect";
import { GraphApiInputError } from "./errors.js";
import {
  ALL_FLOW_FIELDS,
  FlowDetails,
  FlowPreview,
  LIST_FLOW_FIELDS,
  flowFieldsExpression,
  type FlowCategory,
  type FlowFieldsOptions,
} from "./flow-details.js";
import { resolveFlowJson, type FlowJsonFileReader, type FlowJsonSource } from "./flow-json-source.js";
import { FlowValidationError } from "./flow-validation-error.js";
import { graphPage, iteratePages, toPage, type Page } from "./graph-paging.js";
import { idSegment, type GraphTransport } from "./graph-transport.js";

/** `{"success": true}`, the answer of most write calls. */
export const SuccessResult = Schema.Struct({ success: Schema.Boolean });
/** The decoded shape of {@link SuccessResult}. */
export type SuccessResult = typeof SuccessResult.Type;

/** The answer of `POST /{WABA_ID}/flows`; `validation_errors` is set when `flow_json` had problems. */
export const CreatedFlow = Schema.Struct({
  id: Schema.String,
  success: Schema.optionalKey(Schema.Boolean),
  validation_errors: Schema.optionalKey(Schema.Array(FlowValidationError)),
});
/** The decoded shape of {@link CreatedFlow}. */
export type CreatedFlow = typeof CreatedFlow.Type;

/** Parameters of a new flow. */
export interface CreateFlowOptions {
  readonly wabaId: string;
  /** Unique within the WABA. */
  readonly name: string;
  /** At least one. */
  readonly categories: readonly FlowCategory[];
  /** Flow JSON to start with: a document, JSON text, `{ path }` or a machine (`toFlowJson()`). */
  readonly flowJson?: FlowJsonSource;
  /** Publish at once; needs a valid `flowJson`. */
  readonly publish?: boolean;
  /** Copy the Flow JSON of this flow. */
  readonly cloneFlowId?: string;
  /** The data endpoint (HTTPS), for flows with `data_api_version`. */
  readonly endpointUri?: string;
}

/** Metadata changes; at least one field is required. */
export interface UpdateFlowMetadataOptions {
  readonly name?: string;
  readonly categories?: readonly FlowCategory[];
  readonly endpointUri?: string;
  /** The Meta app connected to the flow (needed for flows with an endpoint). */
  readonly applicationId?: string;
}

/** Options of a list call. */
export interface ListFlowsOptions extends FlowFieldsOptions {
  readonly wabaId: string;
  /** Page size. */
  readonly limit?: number;
}

function requireCategories(categories: readonly FlowCategory[]): void {
  if (!Array.isArray(categories) || categories.length === 0) {
    throw new GraphApiInputError({
      field: "categories",
      message: "Give at least one flow category (e.g. OTHER).",
    });
  }
}

function requireHttpsUri(uri: string): void {
  let url: URL | undefined;
  try {
    url = new URL(uri);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== "https:") {
    throw new GraphApiInputError({
      field: "endpointUri",
      message: "endpointUri must be an absolute https:// URL.",
    });
  }
}

function requireName(name: string): void {
  if (typeof name !== "string" || name.trim() === "") {
    throw new GraphApiInputError({ field: "name", message: "The flow name must be a non-empty string." });
  }
}

function fieldsQuery(
  defaults: Parameters<typeof flowFieldsExpression>[0],
  options: FlowFieldsOptions,
): string {
  if (options.phoneNumberId !== undefined && !/^\w+$/.test(options.phoneNumberId)) {
    throw new GraphApiInputError({ field: "phoneNumberId", message: "phoneNumberId must be a numeric id." });
  }
  return flowFieldsExpression(defaults, options);
}

/**
 * The flow-management calls, bound to a transport.
 *
 * @example
 * const { id } = await client.flows.create({ wabaId, name: "Sign in", categories: ["SIGN_IN"] });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowsapi
 */
export function createFlowsResource(transport: GraphTransport, readFile?: FlowJsonFileReader) {
  const call = transport.call;
  const write = async (flowId: string, action: "publish" | "deprecate"): Promise<SuccessResult> =>
    call(
      { method: "POST", path: `/${idSegment("flowId", flowId)}/${action}`, replaySafe: true },
      SuccessResult,
    );

  const listPage = async (
    options: ListFlowsOptions & { readonly after?: string },
  ): Promise<Page<FlowDetails>> => {
    const page = await call(
      {
        method: "GET",
        path: `/${idSegment("wabaId", options.wabaId)}/flows`,
        query: {
          fields: fieldsQuery(LIST_FLOW_FIELDS, options),
          limit: options.limit === undefined ? undefined : String(options.limit),
          after: options.after,
        },
        replaySafe: true,
      },
      graphPage(FlowDetails),
    );
    return toPage(page);
  };

  return {
    /** `POST /{WABA_ID}/flows`: creates a DRAFT flow (published at once with `publish`). */
    create: async (options: CreateFlowOptions): Promise<CreatedFlow> => {
      requireName(options.name);
      requireCategories(options.categories);
      if (options.publish === true && options.flowJson === undefined) {
        throw new GraphApiInputError({
          field: "publish",
          message: "publish needs flowJson: a flow without JSON cannot be published.",
        });
      }
      if (options.endpointUri !== undefined) requireHttpsUri(options.endpointUri);
      const path = `/${idSegment("wabaId", options.wabaId)}/flows`;
      const flowJson =
        options.flowJson === undefined ? undefined : (await resolveFlowJson(options.flowJson, readFile)).text;
      const body = {
        name: options.name,
        categories: [...options.categories],
        ...(flowJson === undefined ? {} : { flow_json: flowJson }),
        ...(options.publish === undefined ? {} : { publish: options.publish }),
        ...(options.cloneFlowId === undefined ? {} : { clone_flow_id: options.cloneFlowId }),
        ...(options.endpointUri === undefined ? {} : { endpoint_uri: options.endpointUri }),
      };
      return call({ method: "POST", path, body: { json: body }, replaySafe: false }, CreatedFlow);
    },

    /** `GET /{FLOW_ID}?fields=...`: every documented field unless `fields` narrows it. */
    get: async (flowId: string, options: FlowFieldsOptions = {}): Promise<FlowDetails> =>
      call(
        {
          method: "GET",
          path: `/${idSegment("flowId", flowId)}`,
          query: { fields: fieldsQuery(ALL_FLOW_FIELDS, options) },
          replaySafe: true,
        },
        FlowDetails,
      ),

    /** `GET /{FLOW_ID}?fields=preview.invalidate(...)`: the web preview link and its expiry. */
    getPreview: async (
      flowId: string,
      options: { readonly invalidate?: boolean } = {},
    ): Promise<FlowPreview> => {
      const fields = flowFieldsExpression([], {
        fields: ["preview"],
        invalidatePreview: options.invalidate === true,
      });
      const flow = await call(
        { method: "GET", path: `/${idSegment("flowId", flowId)}`, query: { fields }, replaySafe: true },
        Schema.Struct({ id: Schema.String, preview: FlowPreview }),
      );
      return flow.preview;
    },

    /** One page of `GET /{WABA_ID}/flows`. */
    listPage,

    /** Every flow of the WABA, page after page (following `paging.cursors.after`). */
    list: (options: ListFlowsOptions): AsyncGenerator<FlowDetails, void> =>
      iteratePages((after) => listPage(after === undefined ? options : { ...options, after })),

    /** `POST /{FLOW_ID}` with the given metadata; a published flow returns to DRAFT. */
    updateMetadata: async (flowId: string, options: UpdateFlowMetadataOptions): Promise<SuccessResult> => {
      const body: Record<string, unknown> = {};
      if (options.name !== undefined) {
        requireName(options.name);
        body["name"] = options.name;
      }
      if (options.categories !== undefined) {
        requireCategories(options.categories);
        body["categories"] = [...options.categories];
      }
      if (options.endpointUri !== undefined) {
        requireHttpsUri(options.endpointUri);
        body["endpoint_uri"] = options.endpointUri;
      }
      if (options.applicationId !== undefined) body["application_id"] = options.applicationId;
      if (Object.keys(body).length === 0) {
        throw new GraphApiInputError({
          field: "metadata",
          message: "Give at least one of name, categories, endpointUri or applicationId to update.",
        });
      }
      return call(
        { method: "POST", path: `/${idSegment("flowId", flowId)}`, body: { json: body }, replaySafe: true },
        SuccessResult,
      );
    },

    /** `POST /{FLOW_ID}/publish`; fails with `FlowPublishingError` (139002) when a check fails. */
    publish: async (flowId: string): Promise<SuccessResult> => write(flowId, "publish"),

    /** `POST /{FLOW_ID}/deprecate`; published flows only, and there is no way back. */
    deprecate: async (flowId: string): Promise<SuccessResult> => write(flowId, "deprecate"),

    /** `DELETE /{FLOW_ID}`; DRAFT flows only (`FlowDeletingError`, 139004, otherwise). */
    delete: async (flowId: string): Promise<SuccessResult> =>
      call({ method: "DELETE", path: `/${idSegment("flowId", flowId)}`, replaySafe: true }, SuccessResult),
  };
}

/** The flow-management calls of a client. */
export type FlowsResource = ReturnType<typeof createFlowsResource>;
