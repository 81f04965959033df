/**
 * Binding rules (§3.4, §3.5): every `${data.x}` (nested paths too, inside backtick expressions and If
 * conditions too) is declared in the screen's data model with a type the property accepts; every
 * `${form.x}` names an input on the screen; global references `${screen.X.form.y}` /
 * `${screen.X.data.y}` (Flow JSON 4.0+) name another, real screen and a real field of it; backtick
 * expressions only from 6.0; no static text mixed with a reference outside a backtick expression;
 * and a list property bound to data declares the item properties the list needs.
 *
 * A reference inside an action payload that names nothing is `INVALID_ON_CLICK_ACTION_PAYLOAD`;
 * elsewhere it is `INVALID_SCREEN_DYNAMIC_DATA`.
 *
 * @example
 * // { "type": "TextHeading", "text": "${data.missing}" } on a screen without a 'missing' field
 * // INVALID_SCREEN_DYNAMIC_DATA at .../text: "Dynamic data '${data.missing}' is not declared in the data model of screen 'WELCOME'."
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#dynamic-properties
 */
import { lookupProperty, type PropertySpec } from "../property-spec.js";
import { isAtLeast } from "../versions.js";
import type { DiagnosticCollector } from "./diagnostic-collector.js";
import { resolveDataPath } from "./data-schema.js";
import {
  isRecord,
  type BoundString,
  type FlowIndex,
  type JsonRecord,
  type ScreenNode,
} from "./flow-index.js";
import { appendPointer } from "./json-pointer.js";
import { isBacktickExpression, isSingleReference, type Reference } from "./references.js";
import type { ValidationRule } from "./validation-rule.js";

/** Reports references that name nothing, version-gated syntax, and mixed static/dynamic strings. */
export const checkBindings: ValidationRule = (index, out) => {
  for (const screen of index.screens) {
    for (const binding of screen.bindings) checkBinding(index, screen, binding, out);
  }
};

/** True when the string is the condition of an If (plain boolean expressions, no backticks needed). */
export function isIfCondition(binding: BoundString): boolean {
  const host = binding.host;
  return (
    host?.type === "If" &&
    binding.property === "condition" &&
    binding.pointer === appendPointer(host.pointer, "condition")
  );
}

function checkBinding(
  index: FlowIndex,
  screen: ScreenNode,
  binding: BoundString,
  out: DiagnosticCollector,
): void {
  const { text, pointer } = binding;
  const backtick = isBacktickExpression(text);
  if (backtick && !isAtLeast(index.version, "6.0")) {
    out.error(
      "INVALID_PROPERTY_VALUE",
      pointer,
      `Backtick expressions require Flow JSON version 6.0 or later; this flow uses ${index.version}.`,
    );
  } else if (!backtick && !isSingleReference(text) && text.includes("${") && !isIfCondition(binding)) {
    out.error(
      "INVALID_PROPERTY_VALUE",
      pointer,
      "A property is either static or dynamic: this value mixes static text with a reference. Use a backtick expression (Flow JSON 6.0+) such as \"`'Hello ' ${data.name}`\".",
    );
  }
  for (const reference of binding.references) checkReference(index, screen, binding, reference, out);
  if (isSingleReference(text)) checkBoundType(screen, binding, out);
}

function checkReference(
  index: FlowIndex,
  screen: ScreenNode,
  binding: BoundString,
  reference: Reference,
  out: DiagnosticCollector,
): void {
  const code =
    binding.action === undefined ? "INVALID_SCREEN_DYNAMIC_DATA" : "INVALID_ON_CLICK_ACTION_PAYLOAD";
  const { pointer } = binding;
  const here = screen.id ?? String(screen.index);
  switch (reference.scope) {
    case "unknown":
      out.error(
        "INVALID_PROPERTY_VALUE",
        pointer,
        `Invalid reference '${reference.source}'. Use \${data.<field>}, \${form.<name>} or \${screen.<SCREEN_ID>.data.<field>} / \${screen.<SCREEN_ID>.form.<name>}.`,
      );
      return;
    case "data": {
      const problem = describeMissingData(screen.data, reference.path);
      if (problem !== undefined)
        out.error(code, pointer, `Dynamic data '${reference.source}' ${problem} of screen '${here}'.`);
      return;
    }
    case "form":
      if (!screen.inputs.has(reference.path[0] as string)) {
        out.error(
          code,
          pointer,
          `'${reference.source}' does not name an input component on screen '${here}'.`,
        );
      }
      return;
    case "screen-data":
    case "screen-form":
      return checkGlobalReference(index, screen, binding, reference, code, out);
  }
}

function describeMissingData(model: JsonRecord | undefined, path: readonly string[]): string | undefined {
  const resolved = resolveDataPath(model, path);
  if (resolved.found) return undefined;
  if (resolved.missingAt === 0) return "is not declared in the data model";
  return `has no property '${path[resolved.missingAt]}' under '${path.slice(0, resolved.missingAt).join(".")}' in the data model`;
}

function checkGlobalReference(
  index: FlowIndex,
  screen: ScreenNode,
  binding: BoundString,
  reference: Reference,
  code: "INVALID_SCREEN_DYNAMIC_DATA" | "INVALID_ON_CLICK_ACTION_PAYLOAD",
  out: DiagnosticCollector,
): void {
  const { pointer } = binding;
  if (!isAtLeast(index.version, "4.0")) {
    out.error(
      "INVALID_PROPERTY_VALUE",
      pointer,
      `Global reference '${reference.source}' requires Flow JSON version 4.0 or later; this flow uses ${index.version}. Pass the value in the navigate payload instead.`,
    );
    return;
  }
  const targetId = reference.screen as string;
  const local = reference.scope === "screen-data" ? "data" : "form";
  if (targetId === screen.id) {
    out.error(
      "INVALID_SCREEN_DYNAMIC_DATA",
      pointer,
      `'${reference.source}' refers to the current screen; use '\${${local}.${reference.path.join(".")}}' instead.`,
    );
    return;
  }
  const target = index.screenById.get(targetId);
  if (target === undefined) {
    out.error(code, pointer, `'${reference.source}' refers to screen '${targetId}', which does not exist.`);
    return;
  }
  if (reference.scope === "screen-form") {
    if (!target.inputs.has(reference.path[0] as string)) {
      out.error(
        code,
        pointer,
        `'${reference.source}' does not name an input component on screen '${targetId}'.`,
      );
    }
    return;
  }
  const problem = describeMissingData(target.data, reference.path);
  if (problem !== undefined)
    out.error(code, pointer, `Dynamic data '${reference.source}' ${problem} of screen '${targetId}'.`);
}

/** The schema types each property kind accepts from a `${data.x}` binding, where that is clear. */
function acceptedTypes(property: PropertySpec): readonly string[] | undefined {
  switch (property.kind) {
    case "boolean":
      return ["boolean"];
    case "number":
    case "integer":
      return ["number", "integer"];
    case "string-list":
    case "object-list":
      return ["array"];
    case "json-object":
      return ["object"];
    case "string":
    case "enum":
      return ["string", "number", "integer", "boolean"];
    case "text":
      return ["string", "number", "integer", "boolean", "array"];
    default:
      return undefined;
  }
}

/** A component property bound to one `${data.x}`: the declared type must fit the property. */
function checkBoundType(screen: ScreenNode, binding: BoundString, out: DiagnosticCollector): void {
  const host = binding.host;
  const [reference] = binding.references;
  if (host?.spec === undefined || reference?.scope !== "data") return;
  if (binding.action !== undefined || binding.pointer !== appendPointer(host.pointer, binding.property))
    return;
  const property = lookupProperty(host.spec.properties, binding.property);
  const resolved = resolveDataPath(screen.data, reference.path);
  if (property === undefined || !resolved.found || resolved.schema === undefined) return;
  const schema = resolved.schema;
  const type = schema["type"];
  const accepted = acceptedTypes(property);
  if (typeof type === "string" && accepted !== undefined && !accepted.includes(type)) {
    out.error(
      "INVALID_SCREEN_DYNAMIC_DATA",
      binding.pointer,
      `Property '${binding.property}' of ${host.spec.label} cannot take '${reference.source}': it is declared as ${type}, expected ${accepted.join(" or ")}.`,
    );
    return;
  }
  if (property.kind === "object-list" && property.object !== undefined)
    checkItemSchema(binding, property, schema, out);
}

/** A list bound to data must declare, in its item schema, the properties each item needs. */
function checkItemSchema(
  binding: BoundString,
  property: PropertySpec,
  schema: JsonRecord,
  out: DiagnosticCollector,
) {
  const table = property.object?.properties ?? {};
  const needed = Object.keys(table).filter((key) => lookupProperty(table, key)?.required === true);
  const items = schema["items"];
  const declared = isRecord(items) ? items["properties"] : undefined;
  if (!isRecord(declared)) {
    out.warning(
      "INVALID_SCREEN_DYNAMIC_DATA",
      binding.pointer,
      `The data bound to '${binding.property}' should declare its item properties (${needed.join(", ")}) in 'items.properties'.`,
    );
    return;
  }
  const missing = needed.filter((key) => !Object.hasOwn(declared, key));
  if (missing.length > 0) {
    out.error(
      "INVALID_SCREEN_DYNAMIC_DATA",
      binding.pointer,
      `The data bound to '${binding.property}' must declare the item properties ${missing.map((key) => `'${key}'`).join(", ")} in 'items.properties'.`,
    );
  }
}
