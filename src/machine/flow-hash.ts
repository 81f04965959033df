/**
 * The version stamp of a flow: a 64-bit hash (two chained 32-bit FNV-1a lanes, hex) of the canonical JSON of
 * everything its compiled Flow JSON is made of: id, versions, screens, the screen graph's edges, the
 * pinned routing model and extra properties. Two deploys with the same Flow JSON get the same hash; any
 * change to a screen or an edge changes it. It identifies a version; it is not a security measure.
 *
 * @example
 * flowHash(flow.model); // "9f1c2e04b7a35d10"
 */
import type { FlowModel } from "./flow-model.js";
import { forwardTargets } from "./flow-model.js";

/** The hash of a flow's Flow JSON inputs, as 16 hex characters. */
export function flowHash(model: FlowModel): string {
  const edges = model.screens.map((screen) => ({
    id: screen.id,
    forward: forwardTargets(screen),
    complete: screen.exchange?.complete === true || screen.completes,
  }));
  return fnv1a64(
    canonicalJson({
      id: model.id,
      version: model.version,
      dataApiVersion: model.dataApiVersion ?? null,
      entry: model.entry,
      init: model.init?.targets ?? null,
      screens: model.screens.map((screen) => screen.screen),
      edges,
      routingModel: model.routingModel,
      extra: model.extra,
    }),
  );
}

/** JSON with object keys sorted at every level, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, nested]) => nested !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, nested]) => `${JSON.stringify(key)}:${canonicalJson(nested)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function fnv1a64(text: string): string {
  let low = 0x811c9dc5;
  let high = 0xcbf29ce4;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    low = Math.imul(low ^ code, 0x01000193) >>> 0;
    high = Math.imul(high ^ ((code + low) & 0xffff), 0x01000193) >>> 0;
  }
  return high.toString(16).padStart(8, "0") + low.toString(16).padStart(8, "0");
}
