/** The data endpoint: `createFlowEndpoint` and what it is configured and observed with. */
export {
  createFlowEndpoint,
  type FlowEndpoint,
  type FlowEndpointOptions,
  type FlowTokenSignaturePolicy,
} from "./flow-endpoint.js";
export {
  consoleEndpointLogger,
  hashFlowToken,
  type EndpointLogEntry,
  type EndpointLogger,
  type EndpointRequestLog,
  type EndpointWarningLog,
} from "./endpoint-log.js";
export { defaultEndpointMessages, type EndpointMessages } from "./endpoint-messages.js";
export { REDACTED, redactInspection, redactInspectionEvent } from "./inspection-redaction.js";
export { MAX_STEP_ATTEMPTS } from "./session-step.js";
