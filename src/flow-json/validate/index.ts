/**
 * Flow JSON validation with Meta-shaped diagnostics. This version checks the routing model only (the
 * rules of the routing-model section of the Flow JSON reference); the full validator replaces it.
 *
 * @example
 * validateFlowJson({ version: "7.3", data_api_version: "3.0", screens: [...] });
 * // [{ code: "MISSING_REQUIRED_PROPERTY", pointer: "", ... "The property 'routing_model' is required ..." }]
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#routing-model
 */
import type { Diagnostic } from "../diagnostic.js";

/** The most screens one screen may route to. */
export const maxRoutingBranches = 10;

type Graph = Map<string, string[]>;

/** Validates a Flow JSON document; an empty array means no problem was found. */
export function validateFlowJson(doc: unknown): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const error = (code: string, pointer: string, message: string): void => {
    diagnostics.push({ code, severity: "error", pointer, message });
  };
  if (!isRecord(doc) || !Array.isArray(doc["screens"])) {
    error("INVALID_FLOW_JSON", "", "A Flow JSON document is an object with a 'screens' array.");
    return diagnostics;
  }
  const screens = (doc["screens"] as unknown[]).filter(isRecord);
  const ids = screens.map((screen) => screen["id"]).filter((id): id is string => typeof id === "string");
  const routing = doc["routing_model"];
  if (doc["data_api_version"] !== undefined && routing === undefined) {
    error(
      "MISSING_REQUIRED_PROPERTY",
      "",
      "The property 'routing_model' is required for property 'data_api_version'.",
    );
  }
  if (routing === undefined) return diagnostics;
  if (!isRecord(routing)) {
    error(
      "INVALID_PROPERTY_TYPE",
      "/routing_model",
      "The routing model must be an object of screen id to screen ids.",
    );
    return diagnostics;
  }
  const graph: Graph = new Map(ids.map((id) => [id, []]));
  for (const [key, targets] of Object.entries(routing)) {
    const keyPointer = `/routing_model/${escape(key)}`;
    if (!ids.includes(key))
      error("INVALID_ROUTING_MODEL", keyPointer, `Invalid screens found in the routing model: ${key}.`);
    if (!Array.isArray(targets)) {
      error(
        "INVALID_PROPERTY_TYPE",
        keyPointer,
        `The routes of screen ${key} must be an array of screen ids.`,
      );
      continue;
    }
    targets.forEach((target, index) => {
      const pointer = `${keyPointer}/${index}`;
      if (typeof target !== "string" || !ids.includes(target)) {
        error(
          "INVALID_ROUTING_MODEL",
          pointer,
          `Invalid screen found in the routing model: ${String(target)}.`,
        );
      } else if (target === key) {
        error(
          "INVALID_ROUTING_MODEL",
          pointer,
          `Screen ${key} cannot route to itself; return it from the endpoint to refresh it.`,
        );
      } else if (ids.includes(key)) {
        graph.get(key)?.push(target);
      }
    });
    if (targets.length > maxRoutingBranches) {
      error(
        "INVALID_ROUTING_MODEL",
        keyPointer,
        `Number of branches exceeds the max limit of ${maxRoutingBranches} for screen ${key}.`,
      );
    }
  }
  const mentioned = new Set([...Object.keys(routing), ...[...graph.values()].flat()]);
  const missing = ids.filter((id) => !mentioned.has(id));
  if (ids.length > 1 && missing.length > 0) {
    error(
      "INVALID_ROUTING_MODEL",
      "/routing_model",
      `Following screens are missing in the routing model: ${missing.join(", ")}.`,
    );
  }
  checkCycles(ids, graph, error);
  checkEntry(screens, ids, graph, error);
  if (doc["data_api_version"] !== undefined) checkNavigateRoutes(screens, ids, graph, error);
  return diagnostics;
}

type Report = (code: string, pointer: string, message: string) => void;

function checkCycles(ids: readonly string[], graph: Graph, error: Report): void {
  const state = new Map<string, "open" | "closed">();
  const stack: string[] = [];
  const visit = (id: string): void => {
    state.set(id, "open");
    stack.push(id);
    (graph.get(id) ?? []).forEach((target, index) => {
      const seen = state.get(target);
      if (seen === undefined) visit(target);
      else if (seen === "open") {
        const pointer = `/routing_model/${escape(id)}/${index}`;
        if (graph.get(target)?.includes(id) === true) {
          error("INVALID_ROUTING_MODEL", pointer, `Backward route from ${id} to ${target} is not allowed.`);
        } else {
          const loop = [...stack.slice(stack.indexOf(target)), target].join(" -> ");
          error("INVALID_ROUTING_MODEL", pointer, `Loop detected in the routing model: ${loop}.`);
        }
      }
    });
    stack.pop();
    state.set(id, "closed");
  };
  for (const id of ids) if (!state.has(id)) visit(id);
}

function checkEntry(
  screens: Record<string, unknown>[],
  ids: readonly string[],
  graph: Graph,
  error: Report,
): void {
  if (ids.length <= 1) return;
  const inbound = new Set([...graph.values()].flat());
  const roots = ids.filter((id) => !inbound.has(id));
  if (roots.length === 0) {
    error(
      "INVALID_ROUTING_MODEL",
      "/routing_model",
      "No entry screen found in the routing model: every screen has an inbound route.",
    );
    return;
  }
  // Several screens without inbound routes: the one that reaches most screens is taken as the entry.
  const reachable = roots.map((root) => reachableFrom(graph, root));
  const best = reachable.reduce(
    (most, set, index) => (set.size > (reachable[most]?.size ?? 0) ? index : most),
    0,
  );
  const entry = roots[best] as string;
  const reached = reachable[best] as Set<string>;
  for (const id of ids) {
    if (!reached.has(id)) {
      error(
        "INVALID_ROUTING_MODEL",
        "/routing_model",
        `Screen ${id} is not connected with the rest of the screens (entry screen ${entry}).`,
      );
    }
  }
  const terminal = screens.some(
    (screen) => screen["terminal"] === true && reached.has(screen["id"] as string),
  );
  if (!terminal) {
    error(
      "INVALID_ROUTING_MODEL",
      "/routing_model",
      `No route from the entry screen ${entry} ends at a terminal screen.`,
    );
  }
}

function reachableFrom(graph: Graph, start: string): Set<string> {
  const reached = new Set([start]);
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    for (const next of graph.get(queue[head] as string) ?? []) {
      if (!reached.has(next)) {
        reached.add(next);
        queue.push(next);
      }
    }
  }
  return reached;
}

function checkNavigateRoutes(
  screens: Record<string, unknown>[],
  ids: readonly string[],
  graph: Graph,
  error: Report,
): void {
  screens.forEach((screen, index) => {
    const id = screen["id"];
    if (typeof id !== "string") return;
    for (const { next, pointer } of navigateActions(screen["layout"], `/screens/${index}/layout`)) {
      if (next !== id && ids.includes(next) && graph.get(id)?.includes(next) !== true) {
        error(
          "INVALID_ROUTING_MODEL",
          pointer,
          `Missing direct route from ${id} to ${next} in the routing model.`,
        );
      }
    }
  });
}

function navigateActions(value: unknown, pointer: string): Array<{ next: string; pointer: string }> {
  if (Array.isArray(value))
    return value.flatMap((item, index) => navigateActions(item, `${pointer}/${index}`));
  if (!isRecord(value)) return [];
  const next = value["next"];
  if (value["name"] === "navigate" && isRecord(next) && typeof next["name"] === "string") {
    return [{ next: next["name"], pointer }];
  }
  return Object.entries(value).flatMap(([key, nested]) =>
    navigateActions(nested, `${pointer}/${escape(key)}`),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function escape(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}
