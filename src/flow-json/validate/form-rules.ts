/**
 * Form rules (§3.7): before Flow JSON 4.0 every input sits in a Form; once a screen has a Form, all
 * its inputs belong in it; input names are unique on a screen (across the Form and every If/Switch
 * branch); a Form holds no Form; `init-values` never initialise a PhotoPicker or DocumentPicker and
 * give each input a value of its type; `init-values` / `error-messages` keys name inputs of the Form.
 *
 * @example
 * // "init-values": { "photos": "x" } where photos is a PhotoPicker
 * // NATIVE_COMPONENT_IN_FORM_INIT_VALUES at .../init-values/photos
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#forms
 */
import { isAtLeast } from "../versions.js";
import type { DiagnosticCollector } from "./diagnostic-collector.js";
import { isRecord, type ComponentNode, type ScreenNode } from "./flow-index.js";
import { appendPointer } from "./json-pointer.js";
import { describeType } from "./scalar-checks.js";
import { isDynamicValue } from "./references.js";
import type { ValidationRule } from "./validation-rule.js";

const PICKERS: ReadonlySet<string> = new Set(["PhotoPicker", "DocumentPicker"]);

/** Reports Form placement, duplicate names and bad Form initial values. */
export const checkForms: ValidationRule = (index, out) => {
  const beforeOptionalForm = !isAtLeast(index.version, "4.0");
  for (const screen of index.screens) {
    const forms = screen.components.filter((node) => node.type === "Form");
    for (const node of screen.components) {
      if (node.spec?.input !== true || node.inForm) continue;
      if (beforeOptionalForm) {
        out.error(
          "KEYWORD_ONE_OF",
          node.pointer,
          `Component '${node.spec.type}' must be inside a Form before Flow JSON version 4.0; this flow uses ${index.version}.`,
        );
      } else if (forms.length > 0) {
        const formName = forms[0]?.value["name"];
        out.error(
          "COMPONENTS_OUTSIDE_FORM",
          node.pointer,
          `Component '${node.spec.type}' is outside the Form${typeof formName === "string" ? ` '${formName}'` : ""}. When a screen has a Form, all its input components must be inside it.`,
        );
      }
    }
    for (const form of forms) {
      if (form.inForm) {
        out.error(
          "INVALID_ENUM_VALUE",
          appendPointer(form.pointer, "type"),
          "A Form cannot contain another Form.",
        );
      }
      checkFormValues(screen, form, out);
    }
    checkDuplicateNames(screen, out);
  }
};

function checkDuplicateNames(screen: ScreenNode, out: DiagnosticCollector): void {
  for (const [name, nodes] of screen.inputs) {
    for (const node of nodes.slice(1)) {
      out.error(
        "DUPLICATE_FORM_COMPONENT_NAMES",
        appendPointer(node.pointer, "name"),
        `Duplicate component name '${name}' on screen '${screen.id ?? screen.index}'. Names must be unique across the Form and all If/Switch branches.`,
      );
    }
  }
}

/** The inputs inside `form`, by name. */
function inputsOf(screen: ScreenNode, form: ComponentNode): Map<string, ComponentNode> {
  const inside = new Map<string, ComponentNode>();
  for (const nodes of screen.inputs.values()) {
    for (const node of nodes) {
      for (let parent = node.parent; parent !== undefined; parent = parent.parent) {
        if (parent === form) {
          inside.set(node.value["name"] as string, node);
          break;
        }
      }
    }
  }
  return inside;
}

function checkFormValues(screen: ScreenNode, form: ComponentNode, out: DiagnosticCollector): void {
  const initValues = form.value["init-values"];
  const errorMessages = form.value["error-messages"];
  if (!isRecord(initValues) && !isRecord(errorMessages)) return;
  const inputs = inputsOf(screen, form);
  const formName = typeof form.value["name"] === "string" ? ` '${form.value["name"]}'` : "";
  if (isRecord(initValues)) {
    const base = appendPointer(form.pointer, "init-values");
    for (const [name, value] of Object.entries(initValues)) {
      const pointer = appendPointer(base, name);
      const input = inputs.get(name);
      if (input === undefined) {
        out.warning(
          "INVALID_PROPERTY_VALUE",
          pointer,
          `'init-values' names '${name}', which is no input of the Form${formName}.`,
        );
      } else if (PICKERS.has(input.type as string)) {
        out.error(
          "NATIVE_COMPONENT_IN_FORM_INIT_VALUES",
          pointer,
          `${input.type} '${name}' cannot be given an initial value in 'init-values'.`,
        );
      } else {
        checkInitValueType(input, value, pointer, out);
      }
    }
  }
  if (isRecord(errorMessages)) {
    const base = appendPointer(form.pointer, "error-messages");
    for (const [name, value] of Object.entries(errorMessages)) {
      const pointer = appendPointer(base, name);
      if (!inputs.has(name)) {
        out.warning(
          "INVALID_PROPERTY_VALUE",
          pointer,
          `'error-messages' names '${name}', which is no input of the Form${formName}.`,
        );
      } else if (typeof value !== "string") {
        out.error(
          "INVALID_PROPERTY_TYPE",
          pointer,
          `The error message for '${name}' must be a string, not ${describeType(value)}.`,
        );
      }
    }
  }
}

/** The JSON type an input's initial value takes. */
function initValueType(type: string): "array" | "boolean" | "string" | undefined {
  if (type === "CheckboxGroup" || type === "ChipsSelector") return "array";
  if (type === "OptIn") return "boolean";
  if (type === "CalendarPicker") return undefined;
  return "string";
}

function checkInitValueType(
  input: ComponentNode,
  value: unknown,
  pointer: string,
  out: DiagnosticCollector,
): void {
  if (typeof value === "string" && isDynamicValue(value)) return;
  const expected = initValueType(input.type as string);
  if (expected === undefined) return;
  const fits =
    expected === "array"
      ? Array.isArray(value) && value.every((item) => typeof item === "string")
      : typeof value === expected;
  if (!fits) {
    const wanted = expected === "array" ? "an array of strings" : `a ${expected}`;
    out.error(
      "INVALID_PROPERTY_TYPE",
      pointer,
      `The initial value of ${input.type} '${String(input.value["name"])}' must be ${wanted}, not ${describeType(value)}.`,
    );
  }
}
