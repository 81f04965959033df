/**
 * Every Flow JSON component as Meta documents it: its properties (type, required, minimum Flow JSON
 * version, character and item limits, accepted actions), the version it appeared in, whether it is a
 * form input, where it may stand, and how many of it a screen or flow may hold.
 *
 * The validator checks documents against this table; builders and editors can read it too.
 * Limits come from Meta's component reference; where the reference is ambiguous the choice is noted
 * next to the entry.
 *
 * @example
 * getComponentSpec("CalendarPicker")?.since; // "6.1"
 * getComponentSpec("TextInput")?.properties["label"]?.maxChars; // 20
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components
 */
import {
  BASE,
  BRANCHABLE,
  bool,
  FONT_WEIGHTS,
  int,
  MEDIA_SIZES,
  name,
  oneOf,
  required,
  SCALE_TYPES,
  since,
  str,
  textBlock,
  visible,
} from "./catalog-properties.js";
import type { ComponentEntry, ComponentSpec } from "./component-spec.js";
import { INPUT_COMPONENT_ENTRIES } from "./input-component-catalog.js";
import { CAROUSEL_ITEM, NAVIGATION_ITEM } from "./list-item-catalog.js";
import { defineProperties } from "./property-spec.js";
import type { ComponentType } from "./types.js";

const entries: Readonly<Record<ComponentType, ComponentEntry>> = {
  TextHeading: {
    input: false,
    ...BRANCHABLE,
    properties: { text: { ...str(80), required: true, notBlank: true }, visible },
  },
  TextSubheading: { input: false, ...BRANCHABLE, properties: { text: required(str(80)), visible } },
  TextBody: {
    input: false,
    ...BRANCHABLE,
    properties: {
      text: textBlock(4096),
      "font-weight": oneOf(FONT_WEIGHTS),
      strikethrough: bool,
      markdown: since("5.1", { kind: "boolean", binding: "forbidden" }),
      visible,
    },
  },
  /** Meta's flattened table reads 409 characters, pywa 4096: over 409 is a warning, not an error. */
  TextCaption: {
    input: false,
    ...BRANCHABLE,
    properties: {
      text: textBlock(409, "warning"),
      "font-weight": oneOf(FONT_WEIGHTS),
      strikethrough: bool,
      markdown: since("5.1", { kind: "boolean", binding: "forbidden" }),
      visible,
    },
  },
  RichText: { since: "5.1", input: false, properties: { text: { kind: "text", required: true }, visible } },
  Footer: {
    input: false,
    ...BRANCHABLE,
    perScreen: { max: 1, code: "MAX_FOOTER_PER_SCREEN" },
    properties: {
      label: required(str(35)),
      "on-click-action": {
        kind: "action",
        required: true,
        actions: { complete: BASE, data_exchange: BASE, navigate: BASE },
      },
      "left-caption": str(15),
      "center-caption": str(15),
      "right-caption": str(15),
      enabled: bool,
    },
  },
  /**
   * Meta documents 25 characters for the link text, yet its own sign-in template uses 30
   * ("Don't have an account? Sign up"): over 25 is a warning.
   */
  EmbeddedLink: {
    input: false,
    ...BRANCHABLE,
    perScreen: { max: 2, code: "MAX_EMBEDDED_LINK_PER_SCREEN" },
    properties: {
      text: { ...str(25), maxCharsSeverity: "warning", required: true, notBlank: true },
      "on-click-action": {
        kind: "action",
        required: true,
        actions: { data_exchange: BASE, navigate: BASE, open_url: "6.0", update_data: "6.0" },
      },
      visible,
    },
  },
  Image: {
    input: false,
    ...BRANCHABLE,
    perScreen: { max: 3, code: "MAX_IMAGE_PER_SCREEN" },
    properties: {
      src: required(str()),
      width: int(1),
      height: int(1),
      "scale-type": oneOf(SCALE_TYPES),
      "aspect-ratio": { kind: "number", minimum: 0 },
      "alt-text": str(),
      visible,
    },
  },
  ImageCarousel: {
    since: "7.1",
    input: false,
    perScreen: { max: 2, code: "MAX_IMAGE_CAROUSEL_PER_SCREEN" },
    perFlow: { max: 3, code: "MAX_IMAGE_CAROUSEL_PER_FLOW" },
    properties: {
      images: { kind: "object-list", required: true, object: CAROUSEL_ITEM, minItems: 1, maxItems: 3 },
      "aspect-ratio": oneOf(["4:3", "16:9"]),
      "scale-type": oneOf(SCALE_TYPES),
      visible,
    },
  },
  NavigationList: {
    since: "6.2",
    input: false,
    perScreen: { max: 2, code: "MAX_NAVIGATION_LIST_PER_SCREEN" },
    properties: {
      name,
      "list-items": {
        kind: "object-list",
        required: true,
        object: NAVIGATION_ITEM,
        minItems: 1,
        maxItems: 20,
      },
      label: str(80),
      description: str(300),
      "media-size": oneOf(MEDIA_SIZES),
      "on-click-action": { kind: "action", actions: { navigate: BASE, data_exchange: BASE } },
    },
  },
  If: {
    since: "4.0",
    input: false,
    inIf: "4.0",
    properties: {
      condition: required(str()),
      then: { kind: "components", required: true, minItems: 1 },
      else: { kind: "components" },
    },
  },
  Switch: {
    since: "4.0",
    input: false,
    inIf: "4.0",
    properties: {
      value: { kind: "string", required: true, binding: "only" },
      cases: { kind: "cases", required: true },
    },
  },
  Form: {
    input: false,
    properties: {
      name,
      children: { kind: "components", required: true },
      "init-values": { kind: "json-object" },
      "error-messages": { kind: "json-object" },
    },
  },
  ...INPUT_COMPONENT_ENTRIES,
};

const catalog: ReadonlyMap<string, ComponentSpec> = new Map(
  (Object.keys(entries) as ComponentType[]).map((type) => {
    const entry = entries[type];
    const spec: ComponentSpec = {
      ...entry,
      type,
      label: type,
      since: entry.since ?? BASE,
      properties: defineProperties(entry.properties),
    };
    return [type, spec] as const;
  }),
);

/** Every component type Meta documents, in catalog order. */
export const COMPONENT_TYPES: readonly ComponentType[] = [...catalog.keys()] as ComponentType[];

/**
 * The catalog entry of a component type, or `undefined` for a type Meta does not document.
 *
 * @example
 * getComponentSpec("Footer")?.perScreen; // { max: 1, code: "MAX_FOOTER_PER_SCREEN" }
 */
export function getComponentSpec(type: string): ComponentSpec | undefined {
  return catalog.get(type);
}
