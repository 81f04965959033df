/**
 * The Graph API version every request uses unless the client is given another one. Pinned so that a
 * change of Meta's default version never changes our requests silently; bump it here, in one place.
 *
 * @example
 * createGraphApiClient({ accessToken, apiVersion: GRAPH_API_VERSION });
 * @see https://developers.facebook.com/docs/graph-api/changelog
 */
export const GRAPH_API_VERSION = "v24.0";

/** The Graph API host; tests and proxies override it with `baseUrl`. */
export const GRAPH_API_BASE_URL = "https://graph.facebook.com";
