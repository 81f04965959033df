/**
 * If and Switch rules (§3.6): only the documented components inside branches (ChipsSelector from
 * 7.1), If nested at most 3 deep, a valid condition with a dynamic operand, at least one Switch case,
 * and the Footer rules: a Footer only at the first branch level, in both `then` and `else` when in
 * either, in every case of a Switch when in one, and never both inside and outside branches.
 *
 * @example
 * // { "type": "If", "condition": "${data.ok}", "then": [{ "type": "Footer", ... }] }
 * // MISSING_FOOTER_IN_IF_ELSE_BRANCHES at .../children/0: "If has a Footer in 'then' but not in 'else'. ..."
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#if
 */
import { isAtLeast } from "../versions.js";
import { checkCondition } from "./condition.js";
import type { DiagnosticCollector } from "./diagnostic-collector.js";
import { isRecord, type ComponentNode, type FlowIndex } from "./flow-index.js";
import { appendPointer } from "./json-pointer.js";
import type { ValidationRule } from "./validation-rule.js";

/** Meta's limit on If nesting. */
export const MAX_IF_NESTING = 3;

/** Reports misuse of If and Switch. */
export const checkConditionals: ValidationRule = (index, out) => {
  for (const screen of index.screens) {
    let footerInBranch = false;
    for (const node of screen.components) {
      checkBranchChild(index, node, out);
      if (node.type === "If") checkIf(node, out);
      if (node.type === "Switch") checkSwitch(node, out);
      if (node.type === "Footer" && node.inBranch) {
        footerInBranch = true;
        if (branchDepth(node) > 1) {
          out.error(
            "INVALID_ENUM_VALUE",
            appendPointer(node.pointer, "type"),
            "A Footer can only be used at the first nesting level of If or Switch.",
          );
        }
      }
    }
    if (!footerInBranch) continue;
    for (const node of screen.components) {
      if (node.type !== "Footer" || node.inBranch) continue;
      out.error(
        "MORE_THAN_ONE_FOOTER",
        node.pointer,
        "A screen with a Footer inside If or Switch branches cannot have another Footer outside them.",
      );
    }
  }
};

function branchDepth(node: ComponentNode): number {
  let depth = 0;
  for (let parent = node.parent; parent !== undefined; parent = parent.parent) {
    if (parent.type === "If" || parent.type === "Switch") depth += 1;
  }
  return depth;
}

function checkBranchChild(index: FlowIndex, node: ComponentNode, out: DiagnosticCollector): void {
  const parent = node.parent;
  if (parent === undefined || node.spec === undefined) return;
  const inIf = parent.type === "If" && (node.slot === "then" || node.slot === "else");
  const inSwitch = parent.type === "Switch" && node.slot === "case";
  if (!inIf && !inSwitch) return;
  const container = inIf ? "If" : "Switch";
  const since = inIf ? node.spec.inIf : node.spec.inSwitch;
  const typePointer = appendPointer(node.pointer, "type");
  if (since === undefined) {
    out.error(
      "INVALID_ENUM_VALUE",
      typePointer,
      `Component '${node.spec.type}' is not allowed inside ${container}.`,
    );
  } else if (!isAtLeast(index.version, since)) {
    out.error(
      "INVALID_ENUM_VALUE",
      typePointer,
      `Component '${node.spec.type}' is allowed inside ${container} only from Flow JSON version ${since}; this flow uses ${index.version}.`,
    );
  } else if (node.type === "If" && node.ifDepth >= MAX_IF_NESTING) {
    out.error(
      "INVALID_ENUM_VALUE",
      typePointer,
      `If components can be nested at most ${MAX_IF_NESTING} levels deep.`,
    );
  }
}

function hasFooter(list: unknown): boolean {
  return Array.isArray(list) && list.some((child: unknown) => isRecord(child) && child["type"] === "Footer");
}

function checkIf(node: ComponentNode, out: DiagnosticCollector): void {
  const condition = node.value["condition"];
  if (typeof condition === "string") {
    const problem = checkCondition(condition);
    if (problem !== undefined) {
      out.error(
        "INVALID_PROPERTY_VALUE",
        appendPointer(node.pointer, "condition"),
        `Invalid If condition: ${problem}`,
      );
    }
  }
  const inThen = hasFooter(node.value["then"]);
  const inElse = hasFooter(node.value["else"]);
  if (inThen === inElse) return;
  const [has, lacks] = inThen ? ["then", "else"] : ["else", "then"];
  const absent = !Object.hasOwn(node.value, lacks) ? ` ('${lacks}' is missing)` : "";
  out.error(
    "MISSING_FOOTER_IN_IF_ELSE_BRANCHES",
    node.pointer,
    `If has a Footer in '${has}' but not in '${lacks}'${absent}. When one branch has a Footer, both 'then' and 'else' must have one.`,
  );
}

function checkSwitch(node: ComponentNode, out: DiagnosticCollector): void {
  const cases = node.value["cases"];
  if (!isRecord(cases)) return;
  const keys = Object.keys(cases);
  if (keys.length === 0) {
    out.error(
      "MIN_ITEMS_REQUIRED",
      appendPointer(node.pointer, "cases"),
      "Switch 'cases' must have at least one case.",
    );
    return;
  }
  const without = keys.filter((key) => !hasFooter(cases[key]));
  if (without.length > 0 && without.length < keys.length) {
    out.error(
      "MISSING_FOOTER_IN_SWITCH_BRANCHES",
      node.pointer,
      `Switch cases ${without.map((key) => `'${key}'`).join(", ")} have no Footer. When one case has a Footer, all cases must have one.`,
    );
  }
}
