/**
 * Minimal Flow JSON documents for validator tests: a valid one-screen flow to start from, and small
 * builders for screens, Footers and actions, so each test states only the part its rule is about.
 *
 * @example
 * const doc = flow([terminalScreen("DONE", [{ type: "TextHeading", text: "Hi" }])]);
 * expect(validateFlowJson(doc)).toEqual([]);
 */
import { expect } from "vitest";
import type { Diagnostic } from "../../src/flow-json/diagnostic.js";
import { validateFlowJson } from "../../src/flow-json/validate/validate-flow-json.js";

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A document with `screens`, Flow JSON 7.3 unless `extra` says otherwise. */
export function flow(screens: JsonObject[], extra: JsonObject = {}): JsonObject {
  return { version: "7.3", ...extra, screens };
}

/** A screen with a SingleColumnLayout holding `children`. */
export function screen(id: string, children: JsonObject[], extra: JsonObject = {}): JsonObject {
  return { id, ...extra, layout: { type: "SingleColumnLayout", children } };
}

/** A Footer that runs `action`. */
export function footer(action: JsonObject, label = "Continue"): JsonObject {
  return { type: "Footer", label, "on-click-action": action };
}

/** A `navigate` action to `target`. */
export function navigate(target: string, payload: JsonObject = {}): JsonObject {
  return { name: "navigate", next: { type: "screen", name: target }, payload };
}

/** A `complete` action. */
export function complete(payload: JsonObject = {}): JsonObject {
  return { name: "complete", payload };
}

/** A terminal screen ending with a Footer that completes the flow. */
export function terminalScreen(id: string, children: JsonObject[] = [], extra: JsonObject = {}): JsonObject {
  return screen(id, [...children, footer(complete(), "Done")], { terminal: true, ...extra });
}

/** A one-screen flow whose only screen holds `children` before its completing Footer. */
export function oneScreen(
  children: JsonObject[],
  extra: JsonObject = {},
  screenExtra: JsonObject = {},
): JsonObject {
  return flow([terminalScreen("ONLY", children, screenExtra)], extra);
}

/** `count` screen ids made of letters only: S_A, S_B, ..., S_Z, S_AA, ... */
export function screenIds(count: number): string[] {
  return Array.from({ length: count }, (_, position) => {
    let id = "";
    for (let rest = position; rest >= 0; rest = Math.floor(rest / 26) - 1)
      id = String.fromCharCode(65 + (rest % 26)) + id;
    return `S_${id}`;
  });
}

/**
 * A flow of `count` screens, each navigating to the next with its Footer, the last one terminal;
 * `content` gives each screen's components before the Footer and `extra` its other keys.
 */
export function chainFlow(
  count: number,
  content: (id: string, position: number) => JsonObject[] = () => [],
  extra: (id: string, position: number) => JsonObject = () => ({}),
): JsonObject {
  const ids = screenIds(count);
  return flow(
    ids.map((id, position) => {
      const next = ids[position + 1];
      const children = content(id, position);
      return next === undefined
        ? terminalScreen(id, children, extra(id, position))
        : screen(id, [...children, footer(navigate(next))], extra(id, position));
    }),
  );
}

/** A TextInput named `name`. */
export function textInput(name: string, extra: JsonObject = {}): JsonObject {
  return { type: "TextInput", name, label: "Label", ...extra };
}

/** Options for a data-source. */
export function options(count: number): JsonObject[] {
  return Array.from({ length: count }, (_, position) => ({
    id: `o${position}`,
    title: `Option ${position}`,
  }));
}

/** A rule case: a document that breaks the rule (with what it must report) and one that does not. */
export interface RuleCase {
  readonly name: string;
  readonly bad: JsonObject;
  readonly expected: readonly Diagnostic[];
  readonly good: JsonObject;
}

/** The error `code` at `pointer` with `message`. */
export function error(code: string, pointer: string, message: string): Diagnostic {
  return { code, severity: "error", pointer, message };
}

/** The warning `code` at `pointer` with `message`. */
export function warning(code: string, pointer: string, message: string): Diagnostic {
  return { code, severity: "warning", pointer, message };
}

/** Asserts that `rule.bad` reports exactly `rule.expected` and `rule.good` reports nothing. */
export function expectRuleCase(rule: RuleCase): void {
  expect(validateFlowJson(rule.bad)).toEqual(rule.expected);
  expect(validateFlowJson(rule.good)).toEqual([]);
}
