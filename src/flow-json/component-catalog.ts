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
import { defineProperties, type ObjectSpec, type PropertySpec } from "./property-spec.js";
import type { ComponentType } from "./types.js";
import type { DiagnosticCode } from "./validate/diagnostic-codes.js";
import type { FlowJsonVersion } from "./versions.js";

/** A count limit on one component type, with the diagnostic code its breach is reported under. */
export interface CountLimit {
  readonly max: number;
  readonly code: DiagnosticCode;
}

/** One component: its properties plus what the layout rules need to know about it. */
export interface ComponentSpec extends ObjectSpec {
  readonly type: ComponentType;
  /** The first Flow JSON version the component exists in. */
  readonly since: FlowJsonVersion;
  /** Takes user input and is named in `${form.name}`. */
  readonly input: boolean;
  /** Allowed as a child of `If` from this version (absent: never). */
  readonly inIf?: FlowJsonVersion;
  /** Allowed in a `Switch` case from this version (absent: never). */
  readonly inSwitch?: FlowJsonVersion;
  /** Most of it one screen may show on any one rendering path (If/Switch branches are alternatives). */
  readonly perScreen?: CountLimit;
  /** Most of it one flow may hold. */
  readonly perFlow?: CountLimit;
}

const BASE: FlowJsonVersion = "2.1";

const str = (maxChars?: number, extra: Omit<PropertySpec, "kind"> = {}): PropertySpec =>
  maxChars === undefined ? { kind: "string", ...extra } : { kind: "string", maxChars, ...extra };
const bool: PropertySpec = { kind: "boolean" };
const int = (minimum?: number, maximum?: number): PropertySpec => ({
  kind: "integer",
  ...(minimum === undefined ? {} : { minimum }),
  ...(maximum === undefined ? {} : { maximum }),
});
const oneOf = (values: readonly string[], since?: FlowJsonVersion): PropertySpec =>
  since === undefined ? { kind: "enum", values } : { kind: "enum", values, since };
const since = (version: FlowJsonVersion, spec: PropertySpec): PropertySpec => ({ ...spec, since: version });
const required = (spec: PropertySpec): PropertySpec => ({ ...spec, required: true });
const name: PropertySpec = { kind: "string", required: true, binding: "forbidden" };
const visible = bool;
const strings: PropertySpec = { kind: "string-list" };

const DATA_SOURCE_ITEM: ObjectSpec = {
  label: "data-source item",
  properties: defineProperties({
    id: required(str()),
    title: required(str(30)),
    description: str(300),
    metadata: str(20),
    enabled: bool,
    image: since("5.0", str()),
    "alt-text": since("5.0", str()),
    color: since("5.0", str()),
    "on-select-action": {
      kind: "action",
      since: "6.0",
      actions: { update_data: "6.0", data_exchange: "6.0" },
    },
    "on-unselect-action": { kind: "action", since: "6.0", actions: { update_data: "6.0" } },
  }),
};

const CHIPS_ITEM: ObjectSpec = {
  label: "ChipsSelector data-source item",
  properties: defineProperties({
    id: required(str()),
    title: required(str()),
    enabled: bool,
    "on-select-action": { kind: "action", since: "7.1", actions: { update_data: "7.1" } },
    "on-unselect-action": { kind: "action", since: "7.1", actions: { update_data: "7.1" } },
  }),
};

const NAVIGATION_ITEM: ObjectSpec = {
  label: "NavigationList list item",
  properties: defineProperties({
    id: required(str()),
    "main-content": {
      kind: "object",
      required: true,
      object: {
        label: "NavigationList main-content",
        properties: defineProperties({ title: required(str(30)), description: str(20), metadata: str(80) }),
      },
    },
    start: {
      kind: "object",
      object: {
        label: "NavigationList start",
        properties: defineProperties({ image: required(str()), "alt-text": str() }),
      },
    },
    end: {
      kind: "object",
      object: {
        label: "NavigationList end",
        properties: defineProperties({ title: str(10), description: str(10), metadata: str(10) }),
      },
    },
    badge: str(15),
    tags: { kind: "string-list", maxItems: 3, maxChars: 15 },
    "on-click-action": { kind: "action", actions: { navigate: BASE, data_exchange: BASE } },
  }),
};

const CAROUSEL_ITEM: ObjectSpec = {
  label: "ImageCarousel image",
  properties: defineProperties({ src: required(str()), "alt-text": required(str()) }),
};

const dataSource = (item: ObjectSpec, minItems: number, maxItems: number): PropertySpec => ({
  kind: "object-list",
  required: true,
  object: item,
  minItems,
  maxItems,
});
const selectAction = (updateDataSince: FlowJsonVersion): PropertySpec => ({
  kind: "action",
  actions: { data_exchange: BASE, update_data: updateDataSince },
});
const unselectAction = (from: FlowJsonVersion): PropertySpec => ({
  kind: "action",
  since: from,
  actions: { update_data: from },
});
const initValue = (spec: PropertySpec): PropertySpec => since("4.0", spec);
const errorMessage = (maxChars?: number): PropertySpec => since("4.0", str(maxChars));
const textBlock = (maxChars: number, severity?: "warning"): PropertySpec => ({
  kind: "text",
  required: true,
  arraySince: "5.1",
  maxChars,
  ...(severity === undefined ? {} : { maxCharsSeverity: severity }),
});
const range = (rangeOf: "string" | "boolean", maxChars?: number): PropertySpec => ({
  kind: "range",
  rangeOf,
  ...(maxChars === undefined ? {} : { maxChars }),
});
const FONT_WEIGHTS = ["bold", "italic", "bold_italic", "normal"];
const MEDIA_SIZES = ["regular", "large"];
const SCALE_TYPES = ["cover", "contain"];

type Entry = Omit<ComponentSpec, "type" | "label" | "properties" | "since"> & {
  readonly since?: FlowJsonVersion;
  readonly properties: Record<string, PropertySpec>;
};

/** Text and list components allowed in If and Switch branches (Meta's list; ChipsSelector from 7.1). */
const BRANCHABLE = { inIf: BASE, inSwitch: BASE } as const;

const entries: Record<ComponentType, Entry> = {
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
  TextInput: {
    input: true,
    ...BRANCHABLE,
    properties: {
      name,
      label: required(str(20)),
      "label-variant": oneOf(["large"], "7.0"),
      "input-type": oneOf(["text", "number", "email", "password", "passcode", "phone"]),
      pattern: since("6.2", str()),
      required: bool,
      "min-chars": int(0),
      "max-chars": int(1),
      "helper-text": str(80),
      enabled: bool,
      visible,
      "init-value": initValue(str()),
      "error-message": errorMessage(30),
    },
  },
  TextArea: {
    input: true,
    ...BRANCHABLE,
    properties: {
      name,
      label: required(str(20)),
      "label-variant": oneOf(["large"], "7.0"),
      required: bool,
      "max-length": int(1),
      "helper-text": str(80),
      enabled: bool,
      visible,
      "init-value": initValue(str()),
      "error-message": errorMessage(),
    },
  },
  CheckboxGroup: {
    input: true,
    ...BRANCHABLE,
    properties: {
      name,
      "data-source": dataSource(DATA_SOURCE_ITEM, 1, 20),
      label: { ...str(30), required: "4.0" },
      description: since("4.0", str(300)),
      "min-selected-items": int(0),
      "max-selected-items": int(1),
      required: bool,
      enabled: bool,
      visible,
      "media-size": oneOf(MEDIA_SIZES, "5.0"),
      "on-select-action": selectAction("6.0"),
      "on-unselect-action": unselectAction("6.0"),
      "init-value": initValue(strings),
      "error-message": errorMessage(),
    },
  },
  RadioButtonsGroup: {
    input: true,
    ...BRANCHABLE,
    properties: {
      name,
      "data-source": dataSource(DATA_SOURCE_ITEM, 1, 20),
      label: { ...str(30), required: "4.0" },
      description: since("4.0", str(300)),
      required: bool,
      enabled: bool,
      visible,
      "media-size": oneOf(MEDIA_SIZES, "5.0"),
      "on-select-action": selectAction("6.0"),
      "on-unselect-action": unselectAction("6.0"),
      "init-value": initValue(str()),
      "error-message": errorMessage(),
    },
  },
  /** 200 options at most; 100 when any option has an image (checked by the component rules). */
  Dropdown: {
    input: true,
    ...BRANCHABLE,
    properties: {
      name,
      label: required(str(20)),
      "data-source": dataSource(DATA_SOURCE_ITEM, 1, 200),
      required: bool,
      enabled: bool,
      visible,
      "on-select-action": selectAction("6.0"),
      "on-unselect-action": unselectAction("6.0"),
      "init-value": initValue(str()),
      "error-message": errorMessage(),
    },
  },
  ChipsSelector: {
    since: "6.3",
    input: true,
    inIf: "7.1",
    inSwitch: "7.1",
    properties: {
      name,
      label: required(str(80)),
      "data-source": dataSource(CHIPS_ITEM, 2, 20),
      description: str(300),
      "min-selected-items": int(0),
      "max-selected-items": int(1),
      required: bool,
      enabled: bool,
      visible,
      "on-select-action": selectAction("7.1"),
      "on-unselect-action": unselectAction("7.1"),
      "init-value": strings,
      "error-message": str(),
    },
  },
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
  OptIn: {
    input: true,
    ...BRANCHABLE,
    perScreen: { max: 5, code: "MAX_OPT_IN_PER_SCREEN" },
    properties: {
      name,
      label: required(str(120)),
      required: bool,
      visible,
      "init-value": initValue(bool),
      "on-click-action": {
        kind: "action",
        actions: { data_exchange: BASE, navigate: BASE, open_url: "6.0" },
      },
      "on-select-action": { kind: "action", since: "6.0", actions: { update_data: "6.0" } },
      "on-unselect-action": unselectAction("6.0"),
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
  DatePicker: {
    input: true,
    ...BRANCHABLE,
    properties: {
      name,
      label: required(str(40)),
      "min-date": str(),
      "max-date": str(),
      "unavailable-dates": strings,
      "helper-text": str(80),
      required: bool,
      enabled: bool,
      visible,
      "init-value": initValue(str()),
      "error-message": errorMessage(80),
      "on-select-action": { kind: "action", actions: { data_exchange: BASE } },
    },
  },
  CalendarPicker: {
    since: "6.1",
    input: true,
    properties: {
      name,
      label: { ...range("string", 40), required: true },
      title: str(80),
      description: str(300),
      mode: oneOf(["single", "range"]),
      "min-date": str(),
      "max-date": str(),
      "unavailable-dates": strings,
      "include-days": { kind: "string-list", values: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] },
      "min-days": int(0),
      "max-days": int(1),
      "helper-text": range("string", 80),
      required: range("boolean"),
      enabled: bool,
      visible,
      "init-value": range("string"),
      "error-message": range("string", 80),
      "on-select-action": { kind: "action", actions: { data_exchange: BASE } },
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
  PhotoPicker: {
    since: "4.0",
    input: true,
    perScreen: { max: 1, code: "MAX_PHOTO_PICKER_PER_SCREEN" },
    properties: {
      name,
      label: required(str(80)),
      description: str(300),
      "photo-source": oneOf(["camera_gallery", "camera", "gallery"]),
      "max-file-size-kb": int(1, 25600),
      "min-uploaded-photos": int(0, 30),
      "max-uploaded-photos": int(1, 30),
      enabled: bool,
      visible,
      "error-message": { kind: "message-map" },
    },
  },
  DocumentPicker: {
    since: "4.0",
    input: true,
    perScreen: { max: 1, code: "MAX_DOCUMENT_PICKER_PER_SCREEN" },
    properties: {
      name,
      label: required(str(80)),
      description: str(300),
      "max-file-size-kb": int(1, 25600),
      "min-uploaded-documents": int(0, 30),
      "max-uploaded-documents": int(1, 30),
      "allowed-mime-types": strings,
      enabled: bool,
      visible,
      "error-message": { kind: "message-map" },
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
