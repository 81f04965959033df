/**
 * One pass over a raw Flow JSON document that builds the indexes every validation rule reads: the
 * screens by id, each screen's components (with their place: Form, If depth, branch), its form inputs
 * by name, its actions and every string that holds a `${...}` reference or a backtick expression.
 *
 * The pass accepts any JSON value: parts that do not have the expected shape are skipped (the
 * property rules report them), and nesting deeper than a fixed guard is recorded instead of walked,
 * so the pass cannot overflow the stack.
 *
 * @example
 * const index = indexFlow(JSON.parse(text));
 * index.screenById.get("SIGN_IN")?.inputs.has("email"); // true
 */
import { getComponentSpec } from "../component-catalog.js";
import type { ComponentSpec } from "../component-spec.js";
import { LATEST_FLOW_JSON_VERSION, parseVersion } from "../versions.js";
import { appendPointer } from "./json-pointer.js";
import { findReferences, type Reference } from "./references.js";

/** A JSON object as read from an untrusted document. */
export type JsonRecord = { readonly [key: string]: unknown };

/** True for a JSON object (not null, not an array). */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Which list holds a component: the layout, a Form's children, an If branch or a Switch case. */
export type ComponentSlot = "layout" | "children" | "then" | "else" | "case";

/** A component found in a screen's layout, with its place in the tree. */
export interface ComponentNode {
  readonly value: JsonRecord;
  /** `value.type` when it is a string. */
  readonly type: string | undefined;
  /** The catalog entry for `type`, when the type is one Meta documents. */
  readonly spec: ComponentSpec | undefined;
  readonly pointer: string;
  readonly screen: ScreenNode;
  /** The enclosing Form, If or Switch. */
  readonly parent: ComponentNode | undefined;
  readonly slot: ComponentSlot;
  /** How many If components enclose this one. */
  readonly ifDepth: number;
  /** Inside a Form. */
  readonly inForm: boolean;
  /** Inside an If branch or a Switch case. */
  readonly inBranch: boolean;
}

/** An action object on a component (`on-click-action`, ...) or on one of its list items. */
export interface ActionSite {
  readonly value: JsonRecord;
  /** `value.name` when it is a string. */
  readonly name: string | undefined;
  readonly pointer: string;
  /** The property holding the action (`on-click-action`, `on-select-action`, `on-unselect-action`). */
  readonly property: string;
  readonly host: ComponentNode;
  /** True when the action sits on a list item (`data-source`, `list-items`) rather than the component. */
  readonly onItem: boolean;
}

/** A string holding a `${...}` reference or a backtick expression. */
export interface BoundString {
  readonly text: string;
  readonly pointer: string;
  /** The component it belongs to; `undefined` for the screen title. */
  readonly host: ComponentNode | undefined;
  /** The component property it sits under (`text`, `visible`, `on-click-action`, ...) or `title`. */
  readonly property: string;
  /** The action whose payload holds it, if any. */
  readonly action: ActionSite | undefined;
  /** The `${...}` references in `text`, in order. */
  readonly references: readonly Reference[];
}

/** A screen with everything the rules need about it. */
export interface ScreenNode {
  readonly index: number;
  readonly pointer: string;
  readonly value: JsonRecord;
  /** `value.id` when it is a string. */
  readonly id: string | undefined;
  readonly terminal: boolean;
  /** The screen's data model, when it is an object. */
  readonly data: JsonRecord | undefined;
  /** Every component of the layout, in document order (depth first). */
  readonly components: ComponentNode[];
  /** Form inputs by `name` (a name used twice maps to several nodes). */
  readonly inputs: Map<string, ComponentNode[]>;
  readonly actions: ActionSite[];
  readonly bindings: BoundString[];
}

/** The indexes of one document. */
export interface FlowIndex {
  /** The document when it is a JSON object. */
  readonly document: JsonRecord | undefined;
  /** The version rules gate features on: the declared one when it parses, the latest otherwise. */
  readonly version: string;
  /** True when `data_api_version` is present (the flow has a data endpoint). */
  readonly hasEndpoint: boolean;
  readonly screens: ScreenNode[];
  /** The first screen with each id. */
  readonly screenById: Map<string, ScreenNode>;
  /** Pointers where nesting exceeded the guard and the walk stopped. */
  readonly truncated: string[];
}

const MAX_COMPONENT_DEPTH = 16;
const MAX_VALUE_DEPTH = 32;

/** The keys of a component that hold further components, by component type. */
const CONTAINER_KEYS: Readonly<Record<string, readonly string[]>> = {
  Form: ["children"],
  If: ["then", "else"],
  Switch: ["cases"],
};

/** Builds the indexes of `document` in one pass. Never throws. */
export function indexFlow(document: unknown): FlowIndex {
  const record = isRecord(document) ? document : undefined;
  const declared = record?.["version"];
  const version = parseVersion(declared) === undefined ? LATEST_FLOW_JSON_VERSION : (declared as string);
  const screens: ScreenNode[] = [];
  const screenById = new Map<string, ScreenNode>();
  const truncated: string[] = [];
  const rawScreens = record?.["screens"];
  if (Array.isArray(rawScreens)) {
    rawScreens.forEach((raw: unknown, index) => {
      if (!isRecord(raw)) return;
      const screen = indexScreen(raw, index, truncated);
      screens.push(screen);
      if (screen.id !== undefined && !screenById.has(screen.id)) screenById.set(screen.id, screen);
    });
  }
  return {
    document: record,
    version,
    hasEndpoint: record !== undefined && Object.hasOwn(record, "data_api_version"),
    screens,
    screenById,
    truncated,
  };
}

function indexScreen(value: JsonRecord, index: number, truncated: string[]): ScreenNode {
  const pointer = appendPointer("/screens", index);
  const id = value["id"];
  const data = value["data"];
  const screen: ScreenNode = {
    index,
    pointer,
    value,
    id: typeof id === "string" ? id : undefined,
    terminal: value["terminal"] === true,
    data: isRecord(data) ? data : undefined,
    components: [],
    inputs: new Map(),
    actions: [],
    bindings: [],
  };
  const walker = new Walker(screen, truncated);
  const title = value["title"];
  if (typeof title === "string")
    walker.noteString(title, appendPointer(pointer, "title"), undefined, "title", undefined);
  const layout = value["layout"];
  if (isRecord(layout)) {
    const layoutPointer = appendPointer(pointer, "layout");
    walker.walkList(layout["children"], appendPointer(layoutPointer, "children"), undefined, "layout");
  }
  return screen;
}

class Walker {
  constructor(
    private readonly screen: ScreenNode,
    private readonly truncated: string[],
  ) {}

  walkList(list: unknown, pointer: string, parent: ComponentNode | undefined, slot: ComponentSlot): void {
    if (!Array.isArray(list)) return;
    list.forEach((item: unknown, position) => {
      if (isRecord(item)) this.walkComponent(item, appendPointer(pointer, position), parent, slot);
    });
  }

  private walkComponent(
    value: JsonRecord,
    pointer: string,
    parent: ComponentNode | undefined,
    slot: ComponentSlot,
  ) {
    const rawType = value["type"];
    const type = typeof rawType === "string" ? rawType : undefined;
    const parentIsIf = parent?.type === "If";
    const node: ComponentNode = {
      value,
      type,
      spec: type === undefined ? undefined : getComponentSpec(type),
      pointer,
      screen: this.screen,
      parent,
      slot,
      ifDepth: (parent?.ifDepth ?? 0) + (parentIsIf ? 1 : 0),
      inForm: parent !== undefined && (parent.inForm || parent.type === "Form"),
      inBranch:
        parent !== undefined && (parent.inBranch || slot === "then" || slot === "else" || slot === "case"),
    };
    this.screen.components.push(node);
    const name = value["name"];
    if (node.spec?.input === true && typeof name === "string") {
      const named = this.screen.inputs.get(name);
      if (named === undefined) this.screen.inputs.set(name, [node]);
      else named.push(node);
    }
    const containerKeys =
      (type !== undefined && Object.hasOwn(CONTAINER_KEYS, type) && CONTAINER_KEYS[type]) || [];
    for (const [key, child] of Object.entries(value)) {
      const childPointer = appendPointer(pointer, key);
      if (key === "type") continue;
      if (!containerKeys.includes(key)) {
        this.scanMember(key, child, childPointer, node, key, undefined, 0);
      } else if (depthOf(node) >= MAX_COMPONENT_DEPTH) {
        this.truncated.push(childPointer);
      } else if (key === "cases") {
        if (!isRecord(child)) continue;
        for (const [caseKey, list] of Object.entries(child)) {
          this.walkList(list, appendPointer(childPointer, caseKey), node, "case");
        }
      } else {
        this.walkList(child, childPointer, node, key === "children" ? "children" : (key as "then" | "else"));
      }
    }
  }

  private scanValue(
    value: unknown,
    pointer: string,
    host: ComponentNode,
    property: string,
    action: ActionSite | undefined,
    depth: number,
  ): void {
    if (typeof value === "string") {
      this.noteString(value, pointer, host, property, action);
      return;
    }
    if (typeof value !== "object" || value === null) return;
    if (depth >= MAX_VALUE_DEPTH) {
      this.truncated.push(pointer);
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item: unknown, position) =>
        this.scanValue(item, appendPointer(pointer, position), host, property, action, depth + 1),
      );
      return;
    }
    for (const [key, child] of Object.entries(value as JsonRecord)) {
      this.scanMember(key, child, appendPointer(pointer, key), host, property, action, depth + 1);
    }
  }

  /** Scans one member of an object; an `*-action` object outside any payload becomes an action site. */
  private scanMember(
    key: string,
    value: unknown,
    pointer: string,
    host: ComponentNode,
    property: string,
    action: ActionSite | undefined,
    depth: number,
  ): void {
    if (action === undefined && key.endsWith("-action") && isRecord(value)) {
      const name = value["name"];
      const site: ActionSite = {
        value,
        name: typeof name === "string" ? name : undefined,
        pointer,
        property: key,
        host,
        onItem: depth > 0,
      };
      this.screen.actions.push(site);
      this.scanValue(value, pointer, host, property, site, depth);
    } else {
      this.scanValue(value, pointer, host, property, action, depth);
    }
  }

  noteString(
    text: string,
    pointer: string,
    host: ComponentNode | undefined,
    property: string,
    action: ActionSite | undefined,
  ): void {
    if (text.includes("${") || text.startsWith("`")) {
      this.screen.bindings.push({ text, pointer, host, property, action, references: findReferences(text) });
    }
  }
}

function depthOf(node: ComponentNode): number {
  let depth = 0;
  for (let current = node.parent; current !== undefined; current = current.parent) depth += 1;
  return depth;
}
