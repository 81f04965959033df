/**
 * The canonical key order of every object in a Flow JSON document: the order `formatFlowJson` writes
 * keys in, and the order the Flow JSON schema declares its fields in.
 *
 * Where the order comes from:
 * - the project's seed flows (`fixtures/seed/*.flow.json`, the brief's flows, which the compiler must
 *   reproduce byte for byte) fix the screen order (`id`, `title`, `data`, `terminal`, `success`, ...,
 *   `layout`; pywa writes screens the same way), the `next` order (`name`, then `type`) and the leading
 *   keys of TextInput, OptIn, EmbeddedLink and Footer;
 * - Meta's own examples put `data_channel_uri` before `routing_model` at the top level;
 * - components follow Meta's component reference: `type` first, then `name` and `label` (or the main
 *   content: `text`, `src`, `images`), the remaining properties in the reference's order, `visible`,
 *   `init-value` / `error-message`, and actions last; a container's `children` come after its other keys.
 *
 * Objects that hold user data keep the order they were written in: action payloads, `Switch.cases`,
 * `routing_model`, a screen's `data` model (field names and each field's JSON-schema keywords), a
 * Form's `init-values` / `error-messages` and a picker's per-media `error-message` map.
 *
 * @example
 * componentKeyOrder.Footer; // ["type", "label", "left-caption", ..., "on-click-action"]
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components
 */
import type {
  CalendarPicker,
  CalendarRange,
  CheckboxGroup,
  ChipsSelector,
  Component,
  ComponentType,
  DataSourceItem,
  DatePicker,
  DocumentPicker,
  Dropdown,
  EmbeddedLink,
  FlowJson,
  Footer,
  Form,
  If,
  Image,
  ImageCarousel,
  ImageCarouselItem,
  Layout,
  NavigationList,
  NavigationListItem,
  NextTarget,
  OptIn,
  PhotoPicker,
  RadioButtonsGroup,
  RichText,
  Screen,
  Switch,
  TextArea,
  TextBody,
  TextCaption,
  TextHeading,
  TextInput,
  TextSubheading,
} from "./types.js";

/** The keys of `T` that are not listed in `K`. */
type Unlisted<T, K extends readonly PropertyKey[]> = Exclude<keyof T & string, K[number]>;

/**
 * Declares the key order of `T`; fails to compile when a key of `T` is missing or unknown.
 *
 * @example
 * const order = keyOrderOf<NextTarget>()(["name", "type"]);
 */
function keyOrderOf<T>() {
  return <const K extends readonly (keyof T & string)[]>(
    keys: K & ([Unlisted<T, K>] extends [never] ? unknown : { readonly missingKeys: Unlisted<T, K> }),
  ): K => keys;
}

/** Top level: `version`, `data_api_version`, `data_channel_uri`, `routing_model`, `screens`. */
export const flowJsonKeyOrder = keyOrderOf<FlowJson>()([
  "version",
  "data_api_version",
  "data_channel_uri",
  "routing_model",
  "screens",
]);

/** Screen: `id`, `title`, `data`, `terminal`, `success`, `refresh_on_back`, `sensitive`, `layout`. */
export const screenKeyOrder = keyOrderOf<Screen>()([
  "id",
  "title",
  "data",
  "terminal",
  "success",
  "refresh_on_back",
  "sensitive",
  "layout",
]);

/** Layout: `type`, `children`. */
export const layoutKeyOrder = keyOrderOf<Layout>()(["type", "children"]);

/** `next` of a navigate action: `name`, `type` (as in the seed flows and pywa). */
export const nextKeyOrder = keyOrderOf<NextTarget>()(["name", "type"]);

/** Action: `name`, then `next` (navigate), then `payload` or `url`. */
export const actionKeyOrder = ["name", "next", "payload", "url"] as const;

/** A data-source option. */
export const dataSourceItemKeyOrder = keyOrderOf<DataSourceItem>()([
  "id",
  "title",
  "description",
  "metadata",
  "image",
  "alt-text",
  "color",
  "enabled",
  "on-select-action",
  "on-unselect-action",
]);

/** A navigation-list item. */
export const navigationListItemKeyOrder = keyOrderOf<NavigationListItem>()([
  "id",
  "main-content",
  "start",
  "end",
  "badge",
  "tags",
  "on-click-action",
]);

/** A navigation-list item's `main-content`. */
export const navigationItemMainContentKeyOrder = keyOrderOf<NavigationListItem["main-content"]>()([
  "title",
  "description",
  "metadata",
]);

/** A navigation-list item's `start`. */
export const navigationItemStartKeyOrder = keyOrderOf<NonNullable<NavigationListItem["start"]>>()([
  "image",
  "alt-text",
]);

/** A navigation-list item's `end`. */
export const navigationItemEndKeyOrder = keyOrderOf<NonNullable<NavigationListItem["end"]>>()([
  "title",
  "description",
  "metadata",
]);

/** An image-carousel image. */
export const imageCarouselItemKeyOrder = keyOrderOf<ImageCarouselItem>()(["src", "alt-text"]);

/** A CalendarPicker range value. */
export const calendarRangeKeyOrder = keyOrderOf<CalendarRange<unknown>>()(["start-date", "end-date"]);

const textBlockKeyOrder = ["type", "text", "font-weight", "strikethrough", "markdown", "visible"] as const;

const selectionTail = [
  "required",
  "enabled",
  "visible",
  "media-size",
  "init-value",
  "error-message",
  "on-select-action",
  "on-unselect-action",
] as const;

/** The key order of each component, by `type`. */
export const componentKeyOrder = {
  TextHeading: keyOrderOf<TextHeading>()(["type", "text", "visible"]),
  TextSubheading: keyOrderOf<TextSubheading>()(["type", "text", "visible"]),
  TextBody: keyOrderOf<TextBody>()(textBlockKeyOrder),
  TextCaption: keyOrderOf<TextCaption>()(textBlockKeyOrder),
  RichText: keyOrderOf<RichText>()(["type", "text", "visible"]),
  TextInput: keyOrderOf<TextInput>()([
    "type",
    "name",
    "label",
    "label-variant",
    "input-type",
    "pattern",
    "required",
    "min-chars",
    "max-chars",
    "helper-text",
    "enabled",
    "visible",
    "init-value",
    "error-message",
  ]),
  TextArea: keyOrderOf<TextArea>()([
    "type",
    "name",
    "label",
    "label-variant",
    "required",
    "max-length",
    "helper-text",
    "enabled",
    "visible",
    "init-value",
    "error-message",
  ]),
  CheckboxGroup: keyOrderOf<CheckboxGroup>()([
    "type",
    "name",
    "label",
    "description",
    "data-source",
    "min-selected-items",
    "max-selected-items",
    ...selectionTail,
  ]),
  RadioButtonsGroup: keyOrderOf<RadioButtonsGroup>()([
    "type",
    "name",
    "label",
    "description",
    "data-source",
    ...selectionTail,
  ]),
  Dropdown: keyOrderOf<Dropdown>()(["type", "name", "label", "description", "data-source", ...selectionTail]),
  ChipsSelector: keyOrderOf<ChipsSelector>()([
    "type",
    "name",
    "label",
    "description",
    "data-source",
    "min-selected-items",
    "max-selected-items",
    ...selectionTail,
  ]),
  Footer: keyOrderOf<Footer>()([
    "type",
    "label",
    "left-caption",
    "center-caption",
    "right-caption",
    "enabled",
    "on-click-action",
  ]),
  OptIn: keyOrderOf<OptIn>()([
    "type",
    "name",
    "label",
    "required",
    "visible",
    "init-value",
    "on-click-action",
    "on-select-action",
    "on-unselect-action",
  ]),
  EmbeddedLink: keyOrderOf<EmbeddedLink>()(["type", "text", "visible", "on-click-action"]),
  DatePicker: keyOrderOf<DatePicker>()([
    "type",
    "name",
    "label",
    "min-date",
    "max-date",
    "unavailable-dates",
    "helper-text",
    "required",
    "enabled",
    "visible",
    "init-value",
    "error-message",
    "on-select-action",
  ]),
  CalendarPicker: keyOrderOf<CalendarPicker>()([
    "type",
    "name",
    "label",
    "title",
    "description",
    "mode",
    "min-date",
    "max-date",
    "unavailable-dates",
    "include-days",
    "min-days",
    "max-days",
    "helper-text",
    "required",
    "enabled",
    "visible",
    "init-value",
    "error-message",
    "on-select-action",
  ]),
  Image: keyOrderOf<Image>()([
    "type",
    "src",
    "width",
    "height",
    "scale-type",
    "aspect-ratio",
    "alt-text",
    "visible",
  ]),
  ImageCarousel: keyOrderOf<ImageCarousel>()(["type", "images", "aspect-ratio", "scale-type", "visible"]),
  PhotoPicker: keyOrderOf<PhotoPicker>()([
    "type",
    "name",
    "label",
    "description",
    "photo-source",
    "max-file-size-kb",
    "min-uploaded-photos",
    "max-uploaded-photos",
    "enabled",
    "visible",
    "error-message",
  ]),
  DocumentPicker: keyOrderOf<DocumentPicker>()([
    "type",
    "name",
    "label",
    "description",
    "max-file-size-kb",
    "min-uploaded-documents",
    "max-uploaded-documents",
    "allowed-mime-types",
    "enabled",
    "visible",
    "error-message",
  ]),
  NavigationList: keyOrderOf<NavigationList>()([
    "type",
    "name",
    "label",
    "description",
    "media-size",
    "list-items",
    "on-click-action",
  ]),
  If: keyOrderOf<If>()(["type", "condition", "then", "else"]),
  Switch: keyOrderOf<Switch>()(["type", "value", "cases"]),
  Form: keyOrderOf<Form>()(["type", "name", "init-values", "error-messages", "children"]),
} as const satisfies {
  readonly [T in ComponentType]: readonly (keyof Extract<Component, { type: T }> & string)[];
};
