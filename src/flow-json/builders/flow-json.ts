/**
 * The builder for a whole Flow JSON document.
 *
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson
 */
import type { FlowJson, RoutingModel, Screen } from "../types.js";

/** A `major.minor` version string such as `"7.3"`. */
export type VersionString = `${number}.${number}`;

/** The options of `flowJson`. */
export interface FlowJsonOptions {
  /** The Flow JSON version, e.g. `"7.3"`. */
  readonly version: VersionString;
  /** Makes the flow an endpoint flow (`data_api_version`, `"3.0"` or `"4.0"`). */
  readonly dataApiVersion?: VersionString | undefined;
  /** Forward edges per screen (`routing_model`); required with `dataApiVersion`. */
  readonly routingModel?: RoutingModel | undefined;
  /** The endpoint URI for Flow JSON before 3.0 only (`data_channel_uri`). */
  readonly dataChannelUri?: string | undefined;
  readonly screens: readonly Screen[];
}

/**
 * A Flow JSON document. Options in camelCase become the wire's `data_api_version`, `routing_model` and
 * `data_channel_uri`; left-out options are left out of the document.
 *
 * @example
 * export default flowJson({ version: "7.0", screens: [newsletterScreen] });
 * flowJson({ version: "7.2", dataApiVersion: "3.0", routingModel: { SIGN_IN: ["SIGN_UP"], SIGN_UP: [] }, screens });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson
 */
export function flowJson(options: FlowJsonOptions): FlowJson {
  const { version, dataApiVersion, routingModel, dataChannelUri, screens } = options;
  return {
    version,
    ...(dataApiVersion === undefined ? {} : { data_api_version: dataApiVersion }),
    ...(routingModel === undefined ? {} : { routing_model: routingModel }),
    ...(dataChannelUri === undefined ? {} : { data_channel_uri: dataChannelUri }),
    screens: [...screens],
  };
}
