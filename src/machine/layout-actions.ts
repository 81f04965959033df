/**
 * The actions a screen's layout can fire, found by walking every component (inside Form, If, Switch,
 * NavigationList items and data-source items too). The machine takes its `navigate` and `complete`
 * edges from here, so a screen's links and its machine edges cannot disagree.
 *
 * @example
 * layoutActions(signInScreens.SIGN_IN).filter((a) => a.name === "navigate").map((a) => a.next);
 * // ["SIGN_UP", "FORGOT_PASSWORD"]
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#actions
 */
import type { Screen } from "../flow-json/types.js";

/** One action found in a layout, with the JSON pointer of the action object inside the screen. */
export interface LayoutAction {
  readonly name: string;
  /** The target screen of a `navigate` action (`next.type === "screen"`). */
  readonly next?: string;
  /** RFC 6901 pointer relative to the screen, e.g. `/layout/children/3/on-click-action`. */
  readonly pointer: string;
}

/** Every action in `screen.layout`, in document order. Tolerates any JSON (imported documents). */
export function layoutActions(screen: Screen): LayoutAction[] {
  const found: LayoutAction[] = [];
  walk(screen.layout, "/layout", found);
  return found;
}

function walk(value: unknown, pointer: string, found: LayoutAction[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, `${pointer}/${index}`, found));
    return;
  }
  if (typeof value !== "object" || value === null) return;
  for (const [key, nested] of Object.entries(value as Record<string, unknown>)) {
    const nestedPointer = `${pointer}/${escapePointer(key)}`;
    if (key.endsWith("-action") && typeof nested === "object" && nested !== null && !Array.isArray(nested)) {
      const action = nested as { name?: unknown; next?: unknown };
      if (typeof action.name === "string") {
        const next = navigateTarget(action);
        found.push(
          next === undefined
            ? { name: action.name, pointer: nestedPointer }
            : { name: action.name, next, pointer: nestedPointer },
        );
        continue;
      }
    }
    walk(nested, nestedPointer, found);
  }
}

function navigateTarget(action: { name?: unknown; next?: unknown }): string | undefined {
  if (action.name !== "navigate" || typeof action.next !== "object" || action.next === null) return undefined;
  const next = action.next as { type?: unknown; name?: unknown };
  return (next.type === undefined || next.type === "screen") && typeof next.name === "string"
    ? next.name
    : undefined;
}

/** Escapes one JSON-pointer segment (RFC 6901). */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** The screens a layout's `navigate` actions lead to, deduplicated, in document order. */
export function navigateTargets(screen: Screen): string[] {
  const targets: string[] = [];
  for (const action of layoutActions(screen)) {
    if (action.next !== undefined && !targets.includes(action.next)) targets.push(action.next);
  }
  return targets;
}

/** True when the layout can fire the named action (`complete`, `data_exchange`, ...). */
export function firesAction(screen: Screen, name: string): boolean {
  return layoutActions(screen).some((action) => action.name === name);
}

/**
 * The data field a Form's `error-messages` is bound to (`"${data.errors}"` -> `"errors"`), so that
 * per-field errors can be sent as that field. Undefined when the screen binds none.
 */
export function fieldErrorsDataKey(screen: Screen): string | undefined {
  let key: string | undefined;
  const visit = (value: unknown): void => {
    if (key !== undefined) return;
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (typeof value !== "object" || value === null) return;
    const record = value as Record<string, unknown>;
    const binding = record["error-messages"];
    if (record["type"] === "Form" && typeof binding === "string") {
      const match = /^\$\{data\.([A-Za-z0-9_]+)\}$/.exec(binding);
      if (match?.[1] !== undefined) {
        key = match[1];
        return;
      }
    }
    Object.values(record).forEach(visit);
  };
  visit(screen.layout);
  return key;
}
