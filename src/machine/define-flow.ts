/**
 * Authoring: `defineFlow(options).createFlow(config)`, in the style of XState's
 * `setup(...).createMachine(...)`. `defineFlow` takes what the Flow JSON is made of (id, version, screens,
 * initial context); `createFlow` adds what runs on the endpoint (entry screen, INIT handler, each screen's
 * data loader and data_exchange handler) and returns a {@link Flow} with its XState machine.
 *
 * @example
 * const flow = defineFlow({ id: "greeting", version: "7.3", screens: { HELLO, BYE } }).createFlow({
 *   states: {
 *     HELLO: {
 *       data_exchange: {
 *         targets: ["BYE"],
 *         run: async ({ data, reply }) => reply.screen("BYE", { name: String(data["name"] ?? "") }),
 *       },
 *     },
 *   },
 * });
 * @see https://developers.facebook.com/docs/whatsapp/flows/guides/implementingyourflowendpoint
 */
import type { JsonObject, Screen } from "../flow-json/types.js";
import { FlowDefinitionError } from "./errors.js";
import { flowBrand, type Flow } from "./flow.js";
import { flowHash } from "./flow-hash.js";
import { buildFlowMachine } from "./flow-machine.js";
import type { ExchangeModel, FlowModel, LoadModel, ScreenModel } from "./flow-model.js";
import { firesAction, navigateTargets } from "./layout-actions.js";
import { isJsonObject } from "./screen-data.js";
import type {
  DefineFlowOptions,
  ExchangeConfig,
  FlowConfig,
  HandlerArgs,
  ScreenConfig,
  ScreenId,
  ScreensRecord,
} from "./types.js";
import { successScreen } from "./types.js";

/** The result of {@link defineFlow}: call `createFlow` with the run-time half. */
export interface FlowSetup<S extends ScreensRecord, C> {
  readonly options: DefineFlowOptions<S, C>;
  /** Adds handlers and loaders; throws {@link FlowDefinitionError} when the two halves disagree. */
  createFlow(config?: FlowConfig<S, C>): Flow<S, C>;
}

/**
 * Starts a flow definition from its screens. Pure: nothing runs until the step is called.
 * The screens record's key order is the order of `screens` in the compiled Flow JSON.
 */
export function defineFlow<S extends ScreensRecord, C extends object = Record<string, never>>(
  options: DefineFlowOptions<S, C>,
): FlowSetup<S, C> {
  return {
    options,
    createFlow: (config = {}) => {
      const model = normaliseFlow(options, config);
      return createFlowObject<S, C>(model, options.screens, (options.context ?? {}) as C);
    },
  };
}

/** Wraps a normalised model into a flow object (also used by the Flow JSON importer). */
export function createFlowObject<S extends ScreensRecord, C>(
  model: FlowModel,
  screens: S,
  context: C,
): Flow<S, C> {
  return {
    [flowBrand]: true,
    id: model.id,
    version: model.version,
    dataApiVersion: model.dataApiVersion,
    entry: model.entry,
    screens,
    machine: buildFlowMachine(model),
    hash: flowHash(model),
    model,
    context,
  };
}

const flowIdPattern = /^[A-Za-z0-9_-]+$/;

/** Checks the screens record shared by authored and imported flows and returns its screens in order. */
export function checkScreens(flowId: string, screens: ScreensRecord): Array<[string, Screen]> {
  const fail = (problem: string): never => {
    throw new FlowDefinitionError({ flowId, problem });
  };
  if (!flowIdPattern.test(flowId)) fail("the id may contain only letters, digits, '-' and '_'");
  const entries = Object.entries(screens);
  if (entries.length === 0) fail("it has no screens");
  for (const [key, screen] of entries) {
    if (typeof screen !== "object" || screen === null || screen.id !== key) {
      fail(`the screen under key '${key}' must have id '${key}'`);
    }
    if (key === successScreen)
      fail(`'${successScreen}' is reserved by WhatsApp for completion; rename the screen`);
    if (/[.#]/.test(key)) fail(`screen id '${key}' may not contain '.' or '#'`);
  }
  return entries;
}

function normaliseFlow<S extends ScreensRecord, C>(
  options: DefineFlowOptions<S, C>,
  config: FlowConfig<S, C>,
): FlowModel {
  const flowId = options.id;
  const fail = (problem: string): never => {
    throw new FlowDefinitionError({ flowId, problem });
  };
  const entries = checkScreens(flowId, options.screens);
  const ids = entries.map(([id]) => id);
  const states = (config.states ?? {}) as Record<string, ScreenConfig<S, C, ScreenId<S>> | undefined>;
  for (const key of Object.keys(states)) {
    if (!ids.includes(key))
      fail(`'states' has '${key}', which is not one of its screens (${ids.join(", ")})`);
  }
  const entry = config.initial ?? ids[0] ?? "";
  if (!ids.includes(entry)) fail(`the initial screen '${entry}' is not one of its screens`);
  if (
    options.context !== undefined &&
    !isJsonObject(JSON.parse(JSON.stringify(options.context)) as unknown)
  ) {
    fail("the context must be an object of JSON values");
  }

  const screens: ScreenModel[] = entries.map(([id, screen]) => {
    const navigate = navigateTargets(screen);
    for (const target of navigate) {
      if (!ids.includes(target))
        fail(`screen '${id}' navigates to '${target}', which is not one of its screens`);
    }
    const state = states[id];
    const exchange =
      state?.data_exchange === undefined
        ? undefined
        : normaliseExchange(flowId, id, ids, state.data_exchange);
    const load = state?.load as LoadModel | undefined;
    return {
      id,
      screen,
      navigate,
      completes: firesAction(screen, "complete"),
      sendsDataExchange: firesAction(screen, "data_exchange"),
      refreshOnBack: screen.refresh_on_back === true,
      ...(exchange === undefined ? {} : { exchange }),
      ...(load === undefined ? {} : { load }),
    };
  });
  const byId = new Map(screens.map((screen) => [screen.id, screen]));
  const usesEndpoint =
    options.dataApiVersion !== undefined ||
    config.init !== undefined ||
    screens.some(
      (screen) => screen.exchange !== undefined || screen.sendsDataExchange || screen.refreshOnBack,
    );
  const entryLoad = byId.get(entry)?.load;
  const init =
    config.init !== undefined
      ? normaliseExchange(flowId, entry, ids, config.init)
      : usesEndpoint
        ? defaultInit(entry, entryLoad)
        : undefined;
  return {
    id: flowId,
    version: options.version,
    dataApiVersion: options.dataApiVersion ?? (usesEndpoint ? "3.0" : undefined),
    entry,
    screens,
    byId,
    ...(init === undefined ? {} : { init }),
    routingModel: options.routingModel ?? (usesEndpoint ? "derive" : "omit"),
    extra: options.extra ?? {},
    initialContext: options.context ?? {},
    origin: "defined",
  };
}

function normaliseExchange<S extends ScreensRecord, C, K extends ScreenId<S>>(
  flowId: string,
  screen: string,
  ids: readonly string[],
  config: ExchangeConfig<S, C, K>,
): ExchangeModel {
  const fail = (problem: string): never => {
    throw new FlowDefinitionError({ flowId, problem: `the handler of '${screen}' ${problem}` });
  };
  if (typeof config.run !== "function") fail("needs a 'run' function");
  const targets: string[] = [];
  for (const target of config.targets ?? []) {
    if (!ids.includes(target)) fail(`targets '${target}', which is not one of the flow's screens`);
    if (!targets.includes(target)) targets.push(target);
  }
  const complete = config.complete === true;
  const examples: Record<string, readonly JsonObject[]> = {};
  for (const [outcome, value] of Object.entries(config.examples ?? {})) {
    const allowed =
      outcome === screen || targets.includes(outcome) || (complete && outcome === successScreen);
    if (!allowed) fail(`has examples for '${outcome}', which it does not declare as a target`);
    examples[outcome] = Array.isArray(value) ? value : [value];
  }
  return { targets, complete, examples, run: config.run as unknown as NonNullable<ExchangeModel["run"]> };
}

function defaultInit(entry: string, load: LoadModel | undefined): ExchangeModel {
  return {
    targets: [entry],
    complete: false,
    examples: {},
    run: async ({ reply, context, flowToken, signal }: HandlerArgs<ScreensRecord, object, string>) =>
      reply.screen(entry, load === undefined ? {} : await load({ context, flowToken, signal })),
  };
}
