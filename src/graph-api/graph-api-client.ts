/**
 * The Graph API client for WhatsApp Flows: flows (CRUD, Flow JSON, assets, metrics, migration), the
 * business encryption key, sending flow messages and templates, and media downloads.
 */
import { createEncryptionKeyResource } from "./encryption-key-resource.js";
import { createFlowAssetsResource } from "./flow-assets-resource.js";
import type { FlowJsonFileReader } from "./flow-json-source.js";
import { createFlowMetricsResource } from "./flow-metrics-resource.js";
import { createFlowMigrationResource } from "./flow-migration-resource.js";
import { createFlowsResource } from "./flows-resource.js";
import { createGraphTransport, type GraphTransportOptions } from "./graph-transport.js";
import { createMediaResource } from "./media-resource.js";
import { createMessagesResource } from "./messages-resource.js";

/** Options of {@link createGraphApiClient}. */
export interface GraphApiClientOptions extends GraphTransportOptions {
  /** Reads `{ path }` Flow JSON sources (the CLI passes node:fs; without it, paths are refused). */
  readonly readFile?: FlowJsonFileReader;
  /** Extra host suffixes media downloads may send the token to, beside Meta's own. */
  readonly trustedMediaHosts?: readonly string[];
}

/**
 * Makes a Graph API client. Every call returns a Promise, decodes Meta's answer with a Schema and throws
 * tagged errors (`GraphApiError`, `GraphApiInputError`, ...); the token travels in the Authorization
 * header only and never appears in an error or a log line.
 *
 * @example
 * const client = createGraphApiClient({ accessToken: process.env.WHATSAPP_ACCESS_TOKEN! });
 * const { id } = await client.flows.create({ wabaId: "1234567890", name: "Sign in", categories: ["SIGN_IN"] });
 * const upload = await client.flows.updateFlowJson(id, signInFlowJson);
 * if (upload.valid) await client.flows.publish(id);
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowsapi
 */
export function createGraphApiClient(options: GraphApiClientOptions) {
  const transport = createGraphTransport(options);
  const flows = {
    ...createFlowsResource(transport, options.readFile),
    ...createFlowAssetsResource(transport, options.readFile),
    ...createFlowMetricsResource(transport),
    ...createFlowMigrationResource(transport),
  };
  return {
    /** The Graph API version in use. */
    apiVersion: transport.apiVersion,
    /** The Graph API origin in use. */
    baseUrl: transport.baseUrl,
    flows,
    encryption: createEncryptionKeyResource(transport),
    messages: createMessagesResource(transport, options.readFile),
    media: createMediaResource(
      transport,
      options.trustedMediaHosts === undefined ? {} : { trustedMediaHosts: options.trustedMediaHosts },
    ),
  };
}

/** A client made by {@link createGraphApiClient}. */
export type GraphApiClient = ReturnType<typeof createGraphApiClient>;
