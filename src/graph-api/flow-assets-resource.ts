/**
 * A flow's assets: uploading its Flow JSON (multipart, as Meta requires) with the validation errors typed,
 * listing the assets and downloading the current Flow JSON back.
 */
import { Schema } from "effect";
import { FlowJsonSourceError, GraphApiInputError } from "./errors.js";
import {
  resolveFlowJson,
  type FlowJsonFileReader,
  type FlowJsonSource,
  type FlowJsonText,
} from "./flow-json-source.js";
import { FlowValidationError } from "./flow-validation-error.js";
import { graphPage, iteratePages, toPage } from "./graph-paging.js";
import { idSegment, type GraphTransport } from "./graph-transport.js";

/** Meta's limit for one Flow JSON asset. */
export const MAX_FLOW_JSON_BYTES = 10 * 1024 * 1024;

const UploadAnswer = Schema.Struct({
  success: Schema.Boolean,
  validation_errors: Schema.optionalKey(Schema.Array(FlowValidationError)),
});

/**
 * The outcome of a Flow JSON upload. Meta answers `success: true` even when it found validation errors,
 * so check `valid` (true only without errors), not `success`.
 */
export interface FlowJsonUpload {
  readonly success: boolean;
  readonly valid: boolean;
  readonly validation_errors: readonly FlowValidationError[];
  /** The exact text uploaded; the errors' line/column pointers refer to it. */
  readonly text: string;
}

/** One asset of a flow (`FLOW_JSON` for the Flow JSON) with a link to download it. */
export const FlowAsset = Schema.Struct({
  name: Schema.String,
  asset_type: Schema.String,
  download_url: Schema.String,
});
/** The decoded shape of {@link FlowAsset}. */
export type FlowAsset = typeof FlowAsset.Type;

/**
 * The asset calls of a client, bound to a transport.
 *
 * @example
 * const upload = await client.flows.updateFlowJson(flowId, { path: "signin.flow.json" });
 * if (!upload.valid) console.error(upload.validation_errors);
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowsapi
 */
export function createFlowAssetsResource(transport: GraphTransport, readFile?: FlowJsonFileReader) {
  const listAssetsPage = async (flowId: string, after: string | undefined) =>
    toPage(
      await transport.call(
        {
          method: "GET",
          path: `/${idSegment("flowId", flowId)}/assets`,
          query: { fields: "name,asset_type,download_url", after },
          replaySafe: true,
        },
        graphPage(FlowAsset),
      ),
    );

  const listAssets = async (flowId: string): Promise<FlowAsset[]> => {
    const assets: FlowAsset[] = [];
    for await (const asset of iteratePages((after) => listAssetsPage(flowId, after))) assets.push(asset);
    return assets;
  };

  const downloadAsset = async (asset: FlowAsset): Promise<FlowJsonText> => {
    const { bytes } = await transport.download(asset.download_url, false);
    return resolveFlowJson(new TextDecoder().decode(bytes));
  };

  return {
    /**
     * `POST /{FLOW_ID}/assets` as multipart: `file` (flow.json, application/json), `name=flow.json`,
     * `asset_type=FLOW_JSON`. Accepts a document, JSON text, `{ path }` or a machine (`toFlowJson()`).
     */
    updateFlowJson: async (flowId: string, source: FlowJsonSource): Promise<FlowJsonUpload> => {
      const path = `/${idSegment("flowId", flowId)}/assets`;
      const { text } = await resolveFlowJson(source, readFile);
      const bytes = new TextEncoder().encode(text);
      if (bytes.byteLength > MAX_FLOW_JSON_BYTES) {
        throw new GraphApiInputError({
          field: "flowJson",
          message: "The Flow JSON is larger than Meta's 10 MB limit; split the flow.",
        });
      }
      const form = new FormData();
      form.append("file", new Blob([bytes], { type: "application/json" }), "flow.json");
      form.append("name", "flow.json");
      form.append("asset_type", "FLOW_JSON");
      const answer = await transport.call(
        { method: "POST", path, body: { multipart: form }, replaySafe: true },
        UploadAnswer,
      );
      const errors = answer.validation_errors ?? [];
      return {
        success: answer.success,
        valid: answer.success && errors.length === 0,
        validation_errors: errors,
        text,
      };
    },

    /** `GET /{FLOW_ID}/assets`, every page. */
    listAssets,

    /** Downloads an asset's Flow JSON from its `download_url` (a signed link: the token is not sent). */
    downloadAsset,

    /** The flow's current Flow JSON, through its `FLOW_JSON` asset. */
    downloadFlowJson: async (flowId: string): Promise<FlowJsonText> => {
      const asset = (await listAssets(flowId)).find((candidate) => candidate.asset_type === "FLOW_JSON");
      if (asset === undefined) {
        throw new FlowJsonSourceError({
          source: "file",
          message: `Flow ${flowId} has no FLOW_JSON asset yet; upload one first.`,
        });
      }
      return downloadAsset(asset);
    },
  };
}

/** The asset calls of a client. */
export type FlowAssetsResource = ReturnType<typeof createFlowAssetsResource>;
