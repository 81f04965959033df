/**
 * The reverse of compiling: any Flow JSON document becomes a flow whose machine mirrors it, so that
 * existing flows can be graphed and path-tested. States are its screens; `navigate` and `complete` edges
 * come from the layouts; data_exchange edges come from the routing model's routes that no navigate action
 * explains. The document's routing model (if any) is pinned as written, so `compileFlow` gives the
 * document back. Imported flows have no handlers: the step refuses their data_exchange requests.
 *
 * @example
 * const flow = importFlowJson(JSON.parse(readFileSync("flow.json", "utf8")));
 * toMermaid(flow);
 * compileFlow(flow).flowJson; // deep-equals the document
 */
import type { JsonObject, RoutingModel, Screen } from "../flow-json/types.js";
import {
  navigateTargets,
  type ExchangeModel,
  type Flow,
  type FlowModel,
  type ScreenModel,
  type ScreensRecord,
} from "../machine/index.js";
import { checkScreens, createFlowObject } from "../machine/define-flow.js";
import { firesAction } from "../machine/layout-actions.js";
import { FlowJsonUnreadable } from "./errors.js";

/** Options of {@link importFlowJson}. */
export interface ImportFlowJsonOptions {
  /** The flow id (machine id); defaults to `"imported"`. */
  readonly id?: string;
}

const knownKeys = new Set(["version", "data_api_version", "routing_model", "screens"]);

/** Turns a parsed Flow JSON document into a flow. Throws {@link FlowJsonUnreadable} for anything else. */
export function importFlowJson(document: unknown, options: ImportFlowJsonOptions = {}): Flow {
  const doc = readDocument(document);
  const flowId = options.id ?? "imported";
  const record: Record<string, Screen> = {};
  for (const screen of doc.screens) {
    if (screen.id in record)
      throw new FlowJsonUnreadable({ problem: `screen id '${screen.id}' is used twice` });
    record[screen.id] = screen;
  }
  const ids = checkScreens(flowId, record).map(([id]) => id);
  const routing = doc.routing_model ?? {};
  const screens: ScreenModel[] = doc.screens.map((screen) => {
    const navigate = navigateTargets(screen).filter((target) => ids.includes(target) && target !== screen.id);
    const routed = (routing[screen.id] ?? []).filter(
      (target) => ids.includes(target) && target !== screen.id && !navigate.includes(target),
    );
    const sendsDataExchange = firesAction(screen, "data_exchange");
    const exchange: ExchangeModel | undefined =
      sendsDataExchange || routed.length > 0
        ? { targets: routed, complete: sendsDataExchange && screen.terminal === true, examples: {} }
        : undefined;
    return {
      id: screen.id,
      screen,
      navigate,
      completes: firesAction(screen, "complete"),
      sendsDataExchange,
      refreshOnBack: screen.refresh_on_back === true,
      ...(exchange === undefined ? {} : { exchange }),
    };
  });
  const entry = entryScreen(screens);
  const extra: JsonObject = Object.fromEntries(
    Object.entries(doc.raw).filter(([key]) => !knownKeys.has(key)),
  ) as JsonObject;
  const model: FlowModel = {
    id: flowId,
    version: doc.version,
    dataApiVersion: doc.data_api_version,
    entry,
    screens,
    byId: new Map(screens.map((screen) => [screen.id, screen])),
    ...(doc.data_api_version === undefined
      ? {}
      : { init: { targets: [entry], complete: false, examples: {} } }),
    routingModel: doc.routing_model ?? "omit",
    extra,
    initialContext: {},
    origin: "imported",
  };
  return createFlowObject<ScreensRecord, object>(model, record, {});
}

/** The first screen (in document order) that no navigate action or route leads to. */
function entryScreen(screens: readonly ScreenModel[]): string {
  const inbound = new Set(
    screens.flatMap((screen) =>
      [...screen.navigate, ...(screen.exchange?.targets ?? [])].filter((target) => target !== screen.id),
    ),
  );
  const entry = screens.find((screen) => !inbound.has(screen.id)) ?? screens[0];
  return entry?.id ?? "";
}

interface ReadDocument {
  readonly raw: Record<string, unknown>;
  readonly version: string;
  readonly data_api_version: string | undefined;
  readonly routing_model: RoutingModel | undefined;
  readonly screens: readonly Screen[];
}

function readDocument(document: unknown): ReadDocument {
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    throw new FlowJsonUnreadable({ problem: "it is not a JSON object" });
  }
  const raw = document as Record<string, unknown>;
  if (typeof raw["version"] !== "string")
    throw new FlowJsonUnreadable({ problem: "'version' must be a string" });
  const screens = raw["screens"];
  if (!Array.isArray(screens) || screens.length === 0) {
    throw new FlowJsonUnreadable({ problem: "'screens' must be a non-empty array" });
  }
  screens.forEach((screen: unknown, index) => {
    const candidate = screen as { id?: unknown; layout?: unknown } | null;
    if (typeof candidate !== "object" || candidate === null || typeof candidate.id !== "string") {
      throw new FlowJsonUnreadable({ problem: `screens[${index}] has no string 'id'` });
    }
    if (typeof candidate.layout !== "object" || candidate.layout === null) {
      throw new FlowJsonUnreadable({ problem: `screen '${candidate.id}' has no 'layout' object` });
    }
  });
  const dataApiVersion = raw["data_api_version"];
  if (dataApiVersion !== undefined && typeof dataApiVersion !== "string") {
    throw new FlowJsonUnreadable({ problem: "'data_api_version' must be a string" });
  }
  const routing = raw["routing_model"];
  if (routing !== undefined && !isRoutingModel(routing)) {
    throw new FlowJsonUnreadable({ problem: "'routing_model' must map screen ids to arrays of screen ids" });
  }
  return {
    raw,
    version: raw["version"],
    data_api_version: dataApiVersion,
    routing_model: routing,
    screens: screens as Screen[],
  };
}

function isRoutingModel(value: unknown): value is RoutingModel {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  return Object.values(value).every(
    (targets) => Array.isArray(targets) && targets.every((target) => typeof target === "string"),
  );
}
