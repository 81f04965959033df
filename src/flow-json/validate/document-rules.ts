/**
 * Top-level rules (§3.1, §3.10): the document is an object with only Meta's top-level keys; `version`
 * is present, well formed and published; `data_api_version` is a published Data API version;
 * `routing_model` comes with `data_api_version`; `data_api_version` comes with any `data_exchange`;
 * `data_channel_uri` only below 3.0; the shapes of screens and layouts.
 *
 * @example
 * // { "version": "7.3", "data_api_version": "3.0", "screens": [...] }
 * // MISSING_REQUIRED_PROPERTY at "": "The property 'routing_model' is required for property 'data_api_version'."
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson
 */
import { defineProperties, type ObjectSpec } from "../property-spec.js";
import {
  DATA_API_VERSIONS,
  FLOW_JSON_VERSIONS,
  isAtLeast,
  isDataApiVersion,
  isFlowJsonVersion,
  parseVersion,
} from "../versions.js";
import type { DiagnosticCollector } from "./diagnostic-collector.js";
import type { FlowIndex, JsonRecord } from "./flow-index.js";
import { checkObject } from "./property-checks.js";
import { describeType } from "./scalar-checks.js";
import type { ValidationRule } from "./validation-rule.js";

const LAYOUT_SPEC: ObjectSpec = {
  label: "layout",
  properties: defineProperties({
    type: { kind: "enum", values: ["SingleColumnLayout"], required: true },
    children: { kind: "components", required: true },
  }),
};

/** A screen's own keys; `id` and `data` have dedicated rules, so they are `any` here. */
const SCREEN_SPEC: ObjectSpec = {
  label: "screen",
  properties: defineProperties({
    id: { kind: "any" },
    terminal: { kind: "boolean", binding: "forbidden" },
    success: { kind: "boolean", binding: "forbidden" },
    title: { kind: "string" },
    refresh_on_back: { kind: "boolean", binding: "forbidden" },
    data: { kind: "any" },
    layout: { kind: "object", required: true, object: LAYOUT_SPEC },
    sensitive: { kind: "string-list", since: "5.1" },
  }),
};

const DOCUMENT_SPEC: ObjectSpec = {
  label: "Flow JSON",
  properties: defineProperties({
    version: { kind: "any" },
    data_api_version: { kind: "any" },
    routing_model: { kind: "any" },
    data_channel_uri: { kind: "string" },
    screens: { kind: "object-list", required: true, object: SCREEN_SPEC, minItems: 1 },
  }),
};

/** Reports top-level problems: shape, versions and the properties that depend on each other. */
export const checkDocument: ValidationRule = (index, out) => {
  const document = index.document;
  if (document === undefined) {
    out.error("INVALID_FLOW_JSON", "", "Flow JSON must be a JSON object with 'version' and 'screens'.");
    return;
  }
  checkObject(document, DOCUMENT_SPEC, "", { version: index.version, out });
  checkFlowJsonVersion(document, out);
  checkDataApiVersion(document, out);
  checkDependencies(index, document, out);
};

function checkFlowJsonVersion(document: JsonRecord, out: DiagnosticCollector): void {
  const supported = FLOW_JSON_VERSIONS.join(", ");
  if (!Object.hasOwn(document, "version")) {
    out.error(
      "MISSING_FLOW_JSON_VERSION",
      "",
      `Flow JSON version is missing. Set 'version' to one of: ${supported}.`,
    );
    return;
  }
  const version = document["version"];
  if (typeof version !== "string" || parseVersion(version) === undefined) {
    const shown = typeof version === "string" ? `'${version}'` : `of type ${describeType(version)}`;
    out.error(
      "INVALID_FLOW_JSON_VERSION",
      "/version",
      `Invalid Flow JSON version ${shown}. The version is a string such as '7.3'.`,
    );
  } else if (!isFlowJsonVersion(version)) {
    out.error(
      "UNSUPPORTED_FLOW_JSON_VERSION",
      "/version",
      `Flow JSON version '${version}' is not supported. Supported versions: ${supported}.`,
    );
  }
}

function checkDataApiVersion(document: JsonRecord, out: DiagnosticCollector): void {
  if (!Object.hasOwn(document, "data_api_version")) return;
  const version = document["data_api_version"];
  if (!isDataApiVersion(version)) {
    const shown = typeof version === "string" ? `'${version}'` : `of type ${describeType(version)}`;
    out.error(
      "NO_SUPPORTED_DATA_API_VERSION",
      "/data_api_version",
      `Data API version ${shown} is not supported. Supported versions: ${DATA_API_VERSIONS.join(", ")}.`,
    );
  }
}

function checkDependencies(index: FlowIndex, document: JsonRecord, out: DiagnosticCollector): void {
  if (index.hasEndpoint && !Object.hasOwn(document, "routing_model")) {
    out.error(
      "MISSING_REQUIRED_PROPERTY",
      "",
      "The property 'routing_model' is required for property 'data_api_version'.",
    );
  }
  if (!index.hasEndpoint) {
    const exchange = index.screens
      .flatMap((screen) => screen.actions)
      .find((action) => action.name === "data_exchange");
    if (exchange !== undefined) {
      out.error(
        "MISSING_REQUIRED_PROPERTY",
        exchange.pointer,
        "The property 'data_api_version' is required when a 'data_exchange' action is used. Add \"data_api_version\": \"3.0\" and a routing_model.",
      );
    }
  }
  if (Object.hasOwn(document, "data_channel_uri") && isAtLeast(index.version, "3.0")) {
    out.error(
      "INVALID_PROPERTY_KEY",
      "/data_channel_uri",
      "Property 'data_channel_uri' is no longer supported in Flow JSON as of version '3.0'. Set the endpoint with the Flows API ('endpoint_uri') instead.",
    );
  }
}
