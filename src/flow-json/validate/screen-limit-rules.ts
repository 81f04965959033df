/**
 * Per-screen and per-flow component counts (§3.9): Footer 1, EmbeddedLink 2, Image 3, OptIn 5,
 * NavigationList 2, PhotoPicker 1, DocumentPicker 1 and ImageCarousel 2 per screen, ImageCarousel 3
 * per flow; a PhotoPicker and a DocumentPicker never on the same screen.
 *
 * A screen's count is the most the screen can show at once: If branches and Switch cases are
 * alternatives, so the count takes the larger branch rather than the sum (this is how a Footer in
 * both `then` and `else` stays within the one-Footer limit).
 *
 * @example
 * // three EmbeddedLinks in one layout
 * // MAX_EMBEDDED_LINK_PER_SCREEN at .../children/2: "A screen can have at most 2 EmbeddedLink components; screen 'A' has 3."
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components
 */
import { COMPONENT_TYPES, getComponentSpec } from "../component-catalog.js";
import { isRecord, type ComponentNode, type ScreenNode } from "./flow-index.js";
import type { ValidationRule } from "./validation-rule.js";

const LIMITED_TYPES = COMPONENT_TYPES.filter((type) => getComponentSpec(type)?.perScreen !== undefined);
const MAX_DEPTH = 16;

type Counts = Map<string, number>;

/** Reports screens and flows holding more of a component than Meta allows. */
export const checkScreenLimits: ValidationRule = (index, out) => {
  const perFlow = new Map<string, ComponentNode[]>();
  for (const screen of index.screens) {
    const layout = screen.value["layout"];
    const counts = isRecord(layout) ? countList(layout["children"], 0) : new Map<string, number>();
    const footersMixed =
      screen.components.some((node) => node.type === "Footer" && node.inBranch) &&
      screen.components.some((node) => node.type === "Footer" && !node.inBranch);
    for (const type of LIMITED_TYPES) {
      const limit = getComponentSpec(type)?.perScreen;
      const count = counts.get(type) ?? 0;
      if (limit === undefined || count <= limit.max || (type === "Footer" && footersMixed)) continue;
      const excess =
        screen.components.filter((node) => node.type === type)[limit.max] ?? screen.components[0];
      out.error(
        limit.code,
        excess?.pointer ?? screen.pointer,
        `A screen can have at most ${limit.max} ${type} component${limit.max === 1 ? "" : "s"}; screen '${screen.id ?? screen.index}' has ${count}.`,
      );
    }
    for (const node of screen.components) {
      if (node.spec?.perFlow === undefined) continue;
      const list = perFlow.get(node.spec.type) ?? [];
      list.push(node);
      perFlow.set(node.spec.type, list);
    }
    checkPickersApart(screen, out);
  }
  for (const [type, nodes] of perFlow) {
    const limit = getComponentSpec(type)?.perFlow;
    if (limit === undefined || nodes.length <= limit.max) continue;
    out.error(
      limit.code,
      (nodes[limit.max] as ComponentNode).pointer,
      `A flow can have at most ${limit.max} ${type} components; this one has ${nodes.length}.`,
    );
  }
};

function checkPickersApart(screen: ScreenNode, out: Parameters<ValidationRule>[1]): void {
  const document = screen.components.find((node) => node.type === "DocumentPicker");
  const photo = screen.components.find((node) => node.type === "PhotoPicker");
  if (document === undefined || photo === undefined) return;
  const later = screen.components.indexOf(document) > screen.components.indexOf(photo) ? document : photo;
  out.error(
    "PHOTO_AND_DOCUMENT_PICKER_ON_SCREEN",
    later.pointer,
    `A PhotoPicker and a DocumentPicker cannot be on the same screen ('${screen.id ?? screen.index}').`,
  );
}

/** The most of each limited type one rendering of `list` can show. */
function countList(list: unknown, depth: number): Counts {
  const total: Counts = new Map();
  if (!Array.isArray(list) || depth > MAX_DEPTH) return total;
  for (const item of list) {
    if (!isRecord(item)) continue;
    const type = item["type"];
    if (typeof type === "string" && LIMITED_TYPES.includes(type as (typeof LIMITED_TYPES)[number]))
      add(total, type, 1);
    for (const [key, count] of countInside(item, type, depth)) add(total, key, count);
  }
  return total;
}

function countInside(item: Readonly<Record<string, unknown>>, type: unknown, depth: number): Counts {
  if (type === "Form") return countList(item["children"], depth + 1);
  if (type === "If") return largest([countList(item["then"], depth + 1), countList(item["else"], depth + 1)]);
  if (type === "Switch" && isRecord(item["cases"])) {
    return largest(Object.values(item["cases"]).map((list) => countList(list, depth + 1)));
  }
  return new Map();
}

function largest(alternatives: readonly Counts[]): Counts {
  const result: Counts = new Map();
  for (const counts of alternatives)
    for (const [key, count] of counts) result.set(key, Math.max(result.get(key) ?? 0, count));
  return result;
}

function add(counts: Counts, key: string, amount: number): void {
  counts.set(key, (counts.get(key) ?? 0) + amount);
}
