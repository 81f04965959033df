/**
 * Action rules (§3.8): each action has a known name and exactly the keys that action takes;
 * `complete` only on terminal screens; `navigate` goes to another, existing screen and never from a
 * terminal screen's Footer; without an endpoint its payload matches the target's data model;
 * `update_data` only sets the screen's own data; PhotoPicker / DocumentPicker values never travel in a
 * `navigate` payload and only as a top-level `${form.x}` elsewhere.
 *
 * Where the component may hold which action, and from which version, is checked with the component's
 * properties (an action on the wrong component is `INVALID_ENUM_VALUE`).
 *
 * Choices: the navigate-payload-versus-data-model rule is a warning (Meta's NavigationList sample
 * breaks it), and so is a navigate target missing from a NavigationList item (the list is data that
 * may come from the endpoint). The `complete`-payload picker limits are warnings: Meta's error page
 * (at most one picker, `max-uploaded-*` at most 1) and media page (10 files) disagree.
 *
 * @example
 * // Footer of a non-terminal screen: { "name": "complete", "payload": {} }
 * // INVALID_COMPLETE_ACTION at .../on-click-action
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#actions
 */
import { defineProperties, type ObjectSpec } from "../property-spec.js";
import type { DiagnosticCollector } from "./diagnostic-collector.js";
import { findSchemaMismatch, resolveDataPath } from "./data-schema.js";
import {
  isRecord,
  type ActionSite,
  type BoundString,
  type FlowIndex,
  type ScreenNode,
} from "./flow-index.js";
import { appendPointer } from "./json-pointer.js";
import { checkObject } from "./property-checks.js";
import { describeType } from "./scalar-checks.js";
import { findReferences, isSingleReference, type Reference } from "./references.js";
import type { ValidationRule } from "./validation-rule.js";

const PAYLOAD = { kind: "json-object" } as const;
const ACTION_SPECS: ReadonlyMap<string, ObjectSpec> = new Map([
  [
    "navigate",
    {
      label: "navigate action",
      properties: defineProperties({
        next: {
          kind: "object",
          required: true,
          object: {
            label: "navigate 'next'",
            properties: defineProperties({
              type: { kind: "enum", values: ["screen", "plugin"], required: true },
              name: { kind: "string", required: true, binding: "forbidden" },
            }),
          },
        },
        payload: PAYLOAD,
      }),
    },
  ],
  ["data_exchange", { label: "data_exchange action", properties: defineProperties({ payload: PAYLOAD }) }],
  ["complete", { label: "complete action", properties: defineProperties({ payload: PAYLOAD }) }],
  [
    "update_data",
    {
      label: "update_data action",
      properties: defineProperties({ payload: { ...PAYLOAD, required: true } }),
    },
  ],
  [
    "open_url",
    { label: "open_url action", properties: defineProperties({ url: { kind: "string", required: true } }) },
  ],
]);

const PICKER_LIMIT_KEY: Readonly<Record<string, string>> = {
  PhotoPicker: "max-uploaded-photos",
  DocumentPicker: "max-uploaded-documents",
};
const DEFAULT_MAX_UPLOADS = 30;

/** Reports malformed actions and actions used where they cannot work. */
export const checkActions: ValidationRule = (index, out) => {
  for (const screen of index.screens) {
    const bindingsByAction = new Map<ActionSite, BoundString[]>();
    for (const binding of screen.bindings) {
      if (binding.action === undefined) continue;
      const list = bindingsByAction.get(binding.action) ?? [];
      list.push(binding);
      bindingsByAction.set(binding.action, list);
    }
    for (const action of screen.actions) {
      if (!checkShape(index, action, out)) continue;
      const bindings = bindingsByAction.get(action) ?? [];
      if (action.name === "complete") checkComplete(screen, action, out);
      if (action.name === "navigate") checkNavigate(index, screen, action, out);
      if (action.name === "update_data") checkUpdateData(screen, action, out);
      checkPickerValues(index, screen, action, bindings, out);
    }
  }
};

/** Checks the action's name and keys; false when the name is unusable (nothing more to check). */
function checkShape(index: FlowIndex, action: ActionSite, out: DiagnosticCollector): boolean {
  if (!Object.hasOwn(action.value, "name")) {
    out.error(
      "MISSING_REQUIRED_PROPERTY",
      action.pointer,
      `Missing required property 'name' in '${action.property}'.`,
    );
    return false;
  }
  const spec = action.name === undefined ? undefined : ACTION_SPECS.get(action.name);
  if (spec === undefined) {
    const shown =
      action.name === undefined ? `of type ${describeType(action.value["name"])}` : `'${action.name}'`;
    out.error(
      "INVALID_ENUM_VALUE",
      appendPointer(action.pointer, "name"),
      `Unknown action ${shown}. Known actions: ${[...ACTION_SPECS.keys()].sort().join(", ")}.`,
    );
    return false;
  }
  checkObject(action.value, spec, action.pointer, { version: index.version, out }, ["name"]);
  return true;
}

function checkComplete(screen: ScreenNode, action: ActionSite, out: DiagnosticCollector): void {
  if (screen.terminal) return;
  out.error(
    "INVALID_COMPLETE_ACTION",
    action.pointer,
    `The 'complete' action can only be used on a terminal screen; screen '${screen.id ?? screen.index}' is not terminal.`,
  );
}

function checkNavigate(
  index: FlowIndex,
  screen: ScreenNode,
  action: ActionSite,
  out: DiagnosticCollector,
): void {
  const next = action.value["next"];
  if (!isRecord(next) || typeof next["name"] !== "string" || (next["type"] ?? "screen") !== "screen") return;
  const targetId = next["name"];
  const namePointer = appendPointer(appendPointer(action.pointer, "next"), "name");
  const here = screen.id ?? String(screen.index);
  if (targetId === screen.id) {
    out.error(
      "INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME",
      namePointer,
      `Screen '${here}' cannot navigate to itself. To refresh a screen, use data_exchange or update_data.`,
    );
    return;
  }
  const target = index.screenById.get(targetId);
  if (target === undefined) {
    out.report(
      action.onItem ? "warning" : "error",
      "INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME",
      namePointer,
      `Navigate action of screen '${here}' points to screen '${targetId}', which does not exist.`,
    );
    return;
  }
  if (screen.terminal && action.host.type === "Footer") {
    out.error(
      "NAVIGATE_ON_TERMINAL_FOOTER",
      action.pointer,
      `The Footer of terminal screen '${here}' cannot navigate away: the flow must be able to end there. Use 'complete' or 'data_exchange'.`,
    );
  }
  if (!index.hasEndpoint) checkNavigatePayload(screen, target, action, out);
}

/** Without an endpoint a navigate payload is the target's data: same keys, compatible values. */
function checkNavigatePayload(
  screen: ScreenNode,
  target: ScreenNode,
  action: ActionSite,
  out: DiagnosticCollector,
) {
  const payload = isRecord(action.value["payload"]) ? action.value["payload"] : {};
  const model = target.data ?? {};
  const payloadPointer = appendPointer(action.pointer, "payload");
  const targetId = target.id ?? String(target.index);
  for (const [key, value] of Object.entries(payload)) {
    const pointer = appendPointer(payloadPointer, key);
    const schema = Object.hasOwn(model, key) ? model[key] : undefined;
    if (!isRecord(schema)) {
      out.warning(
        "INVALID_NAVIGATE_ACTION_PAYLOAD",
        pointer,
        `Navigate payload property '${key}' is not declared in the data model of screen '${targetId}'.`,
      );
      continue;
    }
    const mismatch = describePayloadMismatch(screen, value, schema);
    if (mismatch !== undefined) {
      out.warning(
        "INVALID_NAVIGATE_ACTION_PAYLOAD",
        pointer,
        `Navigate payload property '${key}' does not fit data field '${key}' of screen '${targetId}': ${mismatch}.`,
      );
    }
  }
  const missing = Object.keys(model).filter((key) => !Object.hasOwn(payload, key));
  if (missing.length > 0) {
    out.warning(
      "INVALID_NAVIGATE_ACTION_PAYLOAD",
      Object.hasOwn(action.value, "payload") ? payloadPointer : action.pointer,
      `Navigate payload is missing ${missing.map((key) => `'${key}'`).join(", ")}, declared in the data model of screen '${targetId}'.`,
    );
  }
}

function describePayloadMismatch(
  screen: ScreenNode,
  value: unknown,
  schema: Readonly<Record<string, unknown>>,
): string | undefined {
  if (typeof value !== "string" || !value.includes("${")) return findSchemaMismatch(value, schema);
  const [reference] = findReferences(value);
  if (!isSingleReference(value) || reference?.scope !== "data") return undefined;
  const resolved = resolveDataPath(screen.data, reference.path);
  const sourceType = resolved.found ? resolved.schema?.["type"] : undefined;
  const targetType = schema["type"];
  if (typeof sourceType !== "string" || typeof targetType !== "string") return undefined;
  const compatible = sourceType === targetType || (targetType === "number" && sourceType === "integer");
  return compatible ? undefined : `'${value}' is declared as ${sourceType}, expected ${targetType}`;
}

function checkUpdateData(screen: ScreenNode, action: ActionSite, out: DiagnosticCollector): void {
  const payload = action.value["payload"];
  if (!isRecord(payload)) return;
  const model = screen.data ?? {};
  for (const [key, value] of Object.entries(payload)) {
    const pointer = appendPointer(appendPointer(action.pointer, "payload"), key);
    const schema = Object.hasOwn(model, key) ? model[key] : undefined;
    if (!isRecord(schema)) {
      out.error(
        "INVALID_ACTION_PAYLOAD_PROPERTY",
        pointer,
        `update_data can only set the screen's own data: '${key}' is not declared in the data model of screen '${screen.id ?? screen.index}'.`,
      );
    } else if (typeof value !== "string" || !value.includes("${")) {
      const mismatch = findSchemaMismatch(value, schema);
      if (mismatch !== undefined) {
        out.error(
          "INVALID_ACTION_PAYLOAD_PROPERTY",
          pointer,
          `update_data value for '${key}' does not match its schema: ${mismatch}.`,
        );
      }
    }
  }
}

/** The picker (PhotoPicker / DocumentPicker) a reference names, if any. */
function pickerOf(index: FlowIndex, screen: ScreenNode, reference: Reference) {
  const owner =
    reference.scope === "form"
      ? screen
      : reference.scope === "screen-form"
        ? index.screenById.get(reference.screen as string)
        : undefined;
  const node = owner?.inputs.get(reference.path[0] as string)?.[0];
  return node !== undefined && Object.hasOwn(PICKER_LIMIT_KEY, node.type as string) ? node : undefined;
}

function checkPickerValues(
  index: FlowIndex,
  screen: ScreenNode,
  action: ActionSite,
  bindings: readonly BoundString[],
  out: DiagnosticCollector,
): void {
  const payloadPointer = appendPointer(action.pointer, "payload");
  const inComplete = new Set<string>();
  for (const binding of bindings) {
    for (const reference of binding.references) {
      const picker = pickerOf(index, screen, reference);
      if (picker === undefined) continue;
      const label = `${picker.type} '${String(picker.value["name"])}'`;
      if (action.name === "navigate") {
        out.error(
          "INVALID_NAVIGATE_ACTION_PAYLOAD",
          binding.pointer,
          `${label} cannot be passed in a navigate payload.`,
        );
        continue;
      }
      const topLevel =
        isSingleReference(binding.text) &&
        binding.pointer.startsWith(`${payloadPointer}/`) &&
        !binding.pointer.slice(payloadPointer.length + 1).includes("/");
      if (!topLevel) {
        out.error(
          "INVALID_ACTION_PAYLOAD_PROPERTY",
          binding.pointer,
          `${label} can only be a top-level property of the payload, written exactly as '${reference.source}'.`,
        );
      }
      if (action.name === "complete") {
        inComplete.add(picker.pointer);
        const limitKey = PICKER_LIMIT_KEY[picker.type as string] as string;
        const limit = picker.value[limitKey];
        const max = typeof limit === "number" ? limit : DEFAULT_MAX_UPLOADS;
        if (max > 1) {
          out.warning(
            "INVALID_ACTION_PAYLOAD_PROPERTY",
            binding.pointer,
            `A complete payload can carry ${label} only when '${limitKey}' is at most 1 (it is ${max}${typeof limit === "number" ? "" : ", the default"}).`,
          );
        }
      }
    }
  }
  if (inComplete.size > 1) {
    out.warning(
      "INVALID_ACTION_PAYLOAD_PROPERTY",
      payloadPointer,
      "A complete payload can carry at most one PhotoPicker or DocumentPicker.",
    );
  }
}
