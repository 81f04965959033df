/**
 * `flowmachine/graph-api`: the Graph API client for WhatsApp Flows (flows, Flow JSON, metrics, keys,
 * sending, media), the message builders, and the webhook handler for completions and flow events.
 * Runs unchanged on Node, Bun, Deno and Workers.
 */
export { createGraphApiClient, type GraphApiClient, type GraphApiClientOptions } from "./graph-api-client.js";
export { GRAPH_API_BASE_URL, GRAPH_API_VERSION } from "./graph-api-version.js";
export type { FetchFunction, GraphApiLogger } from "./graph-transport.js";
export type { RetryOptions } from "./retry-policy.js";
export {
  FlowCompletionTimeoutError,
  FlowJsonSourceError,
  GraphApiConfigError,
  GraphApiError,
  GraphApiInputError,
  MediaDownloadError,
  isMetaErrorKind,
  metaErrorKinds,
  type GraphApiErrorReason,
  type MetaErrorDetails,
  type MetaErrorKind,
} from "./errors.js";
export {
  ALL_FLOW_FIELDS,
  FLOW_CATEGORIES,
  LIST_FLOW_FIELDS,
  type FlowCategory,
  type FlowDetails,
  type FlowField,
  type FlowFieldsOptions,
  type FlowHealthStatus,
  type FlowPreview,
  type FlowStatus,
} from "./flow-details.js";
export {
  metaPathToPointer,
  validationErrorsToDiagnostics,
  type FlowValidationError,
  type FlowValidationPointer,
} from "./flow-validation-error.js";
export type {
  CreateFlowOptions,
  CreatedFlow,
  ListFlowsOptions,
  SuccessResult,
  UpdateFlowMetadataOptions,
} from "./flows-resource.js";
export { MAX_FLOW_JSON_BYTES, type FlowAsset, type FlowJsonUpload } from "./flow-assets-resource.js";
export {
  FLOW_METRIC_GRANULARITIES,
  FLOW_METRIC_KEYS,
  type FlowMetric,
  type FlowMetricDataPoint,
  type FlowMetricGranularity,
  type FlowMetricKey,
  type FlowMetricName,
  type FlowMetricOptions,
} from "./flow-metrics-resource.js";
export type { MigrateFlowsOptions, MigrateFlowsResult } from "./flow-migration-resource.js";
export { requirePublicKeyPem, type BusinessPublicKey } from "./encryption-key-resource.js";
export type { Page } from "./graph-paging.js";
export {
  resolveFlowJson,
  serializeFlowJson,
  type FlowJsonFile,
  type FlowJsonFileReader,
  type FlowJsonProducer,
  type FlowJsonSource,
  type FlowJsonText,
} from "./flow-json-source.js";
export { canonicalFlowJson, hashFlowJson } from "./flow-json-hash.js";
export { generateFlowToken } from "./flow-token.js";
export {
  MAX_FLOW_CTA_LENGTH,
  buildFlowMessage,
  type FlowMessageHeader,
  type FlowMessageOptions,
  type FlowMessagePayload,
} from "./flow-message.js";
export {
  buildFlowTemplate,
  buildFlowTemplateMessage,
  type CreateFlowTemplateOptions,
  type FlowTemplateButton,
  type FlowTemplateMessageOptions,
} from "./flow-template.js";
export type { CreatedTemplate, SenderOptions, SentFlowMessage } from "./messages-resource.js";
export { buildPreviewUrl, type PreviewUrlOptions } from "./preview-url.js";
export { DEFAULT_TRUSTED_MEDIA_HOSTS, type DownloadedMedia, type MediaInfo } from "./media-resource.js";
export {
  createWebhookHandler,
  type WebhookHandler,
  type WebhookHandlerOptions,
  type WebhookHeaders,
  type WebhookMediaSource,
  type WebhookQuery,
  type WebhookResponse,
} from "./webhook-handler.js";
export type { Listener, WebhookLogger } from "./webhook-listeners.js";
export { signWebhookBody, verifyWebhookSignature } from "./webhook-signature.js";
export {
  readWebhookUpdates,
  type FlowAlertUpdate,
  type FlowStatusUpdate,
  type UnknownUpdate,
  type WebhookUpdate,
} from "./webhook-updates.js";
export type { CompletionMedia, FlowCompletion, MediaDownloader } from "./flow-completion.js";
export { waitForFlowCompletion, type WaitForFlowCompletionOptions } from "./flow-completion-waiter.js";
export type {
  EndpointAvailabilityEvent,
  EndpointLatencyEvent,
  ErrorRateEvent,
  FlowAlertEvent,
  FlowEvent,
  FlowStatusChangeEvent,
  FlowVersionExpiryWarningEvent,
} from "./flow-events.js";
