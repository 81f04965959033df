/**
 * Flows made from a compact spec (screens with navigate and data_exchange edges by index), for property
 * tests (fast-check arbitrary) and benchmarks (deterministic generator). Handlers obey the payload:
 * `{ go: "SCREEN" }` answers with that screen, `{ go: "SUCCESS" }` completes, `{ go: "REFRESH" }` refreshes
 * with a snackbar, `{ go: "THROW" }` throws, `{ go: "BAD" }` returns data of the wrong type, `{ go: "SLOW" }`
 * waits for its AbortSignal.
 *
 * @example
 * const flow = buildFlow(generateFlowSpec(100, 7));
 */
import fc from "fast-check";
import type { Component, Screen } from "../../src/flow-json/types.js";
import { defineFlow, type Flow, type HandlerArgs, type ScreensRecord } from "../../src/machine/index.js";

/** One screen of a spec; edges are indices into `FlowSpec.screens`. */
export interface ScreenSpec {
  readonly navigate: readonly number[];
  /** data_exchange targets; null when the screen has no handler. */
  readonly exchange: readonly number[] | null;
  readonly complete: boolean;
  readonly terminal: boolean;
  readonly refreshOnBack: boolean;
}

export interface FlowSpec {
  readonly screens: readonly ScreenSpec[];
}

/** `S_A`, `S_B`, ..., `S_Z`, `S_BA`, ...: letters and underscores only, as Meta requires. */
export function screenId(index: number): string {
  let name = "";
  let rest = index;
  do {
    name = String.fromCharCode(65 + (rest % 26)) + name;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return `S_${name}`;
}

function screenOf(spec: FlowSpec, index: number): Screen {
  const screen = spec.screens[index] as ScreenSpec;
  const children: Component[] = [{ type: "TextBody", text: "${data.note}" }];
  screen.navigate.forEach((target, position) => {
    const action = {
      name: "navigate" as const,
      next: { type: "screen" as const, name: screenId(target) },
      payload: {},
    };
    children.push(
      position < 2
        ? { type: "EmbeddedLink", text: `Go ${position + 1}`, "on-click-action": action }
        : { type: "OptIn", name: `link_${position}`, label: `Read ${position}`, "on-click-action": action },
    );
  });
  if (screen.exchange !== null) {
    children.push({
      type: "Footer",
      label: "Continue",
      "on-click-action": { name: "data_exchange", payload: {} },
    });
  } else if (screen.complete || screen.terminal) {
    children.push({ type: "Footer", label: "Done", "on-click-action": { name: "complete", payload: {} } });
  }
  return {
    id: screenId(index),
    title: `Screen ${index + 1}`,
    data: { note: { type: "string", __example__: "Hello" } },
    ...(screen.terminal ? { terminal: true } : {}),
    ...(screen.refreshOnBack ? { refresh_on_back: true } : {}),
    layout: { type: "SingleColumnLayout", children },
  };
}

async function obey(args: HandlerArgs<ScreensRecord, object, string>) {
  const go = typeof args.data["go"] === "string" ? args.data["go"] : "REFRESH";
  switch (go) {
    case "SUCCESS":
      return args.reply.complete({ screen: args.screen });
    case "REFRESH":
      return args.reply.refresh({ errorMessage: "Try again" });
    case "THROW":
      throw new Error("the database is down");
    case "BAD":
      return args.reply.screen(args.screen, { note: 42 });
    case "SLOW":
      return new Promise<never>((_, reject) => {
        args.signal.addEventListener("abort", () => reject(new Error("aborted")));
      });
    default:
      return args.reply.screen(go, { note: `from ${args.screen}` });
  }
}

/** Builds a flow from a spec: every handler obeys its payload, every screen loads `{ note }`. */
export function buildFlow(spec: FlowSpec, id = "generated"): Flow {
  const screens: Record<string, Screen> = {};
  spec.screens.forEach((_, index) => (screens[screenId(index)] = screenOf(spec, index)));
  const states: Record<string, unknown> = {};
  spec.screens.forEach((screen, index) => {
    const examples: Record<string, { go: string }> = {};
    for (const target of screen.exchange ?? []) examples[screenId(target)] = { go: screenId(target) };
    if (screen.complete) examples["SUCCESS"] = { go: "SUCCESS" };
    states[screenId(index)] = {
      load: () => ({ note: "loaded" }),
      ...(screen.exchange === null
        ? {}
        : {
            data_exchange: {
              targets: screen.exchange.map(screenId),
              complete: screen.complete,
              examples,
              run: obey,
            },
          }),
    };
  });
  return defineFlow({ id, version: "7.3", screens }).createFlow({ states } as never);
}

/** A fast-check arbitrary of flow specs with 1..`maxScreens` screens and any edges (cycles included). */
export function flowSpecArbitrary(maxScreens = 8): fc.Arbitrary<FlowSpec> {
  return fc.integer({ min: 1, max: maxScreens }).chain((size) => {
    const index = fc.integer({ min: 0, max: size - 1 });
    const screen = fc.record({
      navigate: fc.uniqueArray(index, { maxLength: Math.min(size, 4) }),
      exchange: fc.option(fc.uniqueArray(index, { maxLength: Math.min(size, 12) }), { nil: null }),
      complete: fc.boolean(),
      terminal: fc.boolean(),
      refreshOnBack: fc.boolean(),
    });
    return fc.array(screen, { minLength: size, maxLength: size }).map((screens) => ({ screens }));
  });
}

/**
 * A deterministic spec of `size` screens (benchmarks): each screen navigates to the next one and up to two
 * of the 8 after it,
 * two in three have a handler answering with 1-3 of the next 8 screens and sometimes the first screen,
 * the last tenth are terminal.
 */
export function generateFlowSpec(size: number, seed: number): FlowSpec {
  let state = seed >>> 0 || 1;
  const random = (bound: number): number => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state % bound;
  };
  const later = (index: number, count: number): number[] => {
    const targets = new Set<number>();
    for (let n = 0; n < count && index + 1 < size; n++)
      targets.add(index + 1 + random(Math.min(8, size - index - 1)));
    return [...targets];
  };
  return {
    screens: Array.from({ length: size }, (_, index) => {
      const terminal = index >= size - Math.max(1, Math.floor(size / 10));
      const returns = index > 2 && random(4) === 0 ? [0] : []; // "back to the start", like SIGN_UP -> SIGN_IN
      return {
        navigate: index + 1 < size ? [...new Set([index + 1, ...later(index, random(3))])] : [],
        exchange: random(3) === 0 ? null : [...later(index, 1 + random(3)), ...returns],
        complete: terminal,
        terminal,
        refreshOnBack: index > 0 && random(5) === 0,
      };
    }),
  };
}
