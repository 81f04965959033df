/**
 * The Flow JSON document as Meta's servers read it: plain JSON, keys exactly as they appear on the wire
 * (`on-click-action`, `refresh_on_back`, ...). Builders produce these shapes, the Schema decodes into
 * them, the validator checks them.
 *
 * A value that may be bound at run time (`${data.x}`, `${form.x}`, `${screen.X.data.y}` or a backtick
 * expression) is written as a string, so every dynamic property is `T | Binding`.
 *
 * @example
 * const doc: FlowJson = {
 *   version: "7.3",
 *   screens: [{ id: "HELLO", terminal: true, layout: { type: "SingleColumnLayout", children: [
 *     { type: "TextHeading", text: "Hello" },
 *     { type: "Footer", label: "Done", "on-click-action": { name: "complete", payload: {} } },
 *   ] } }],
 * };
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson
 */

/**
 * A `${...}` reference (`${data.x}`, `${form.x}`, `${screen.X.form.y}`) or a backtick expression
 * (Flow JSON 6.0+), resolved by the WhatsApp client. Typed so that a literal such as `"yes"` cannot
 * stand where a boolean or an enum value is expected.
 */
export type Binding = `\${${string}}` | `\`${string}\``;

/** Any JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

// ---------------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------------

/** Where a `navigate` action goes: another screen, or a plugin. */
export interface NextTarget {
  readonly type: "screen" | "plugin";
  readonly name: string;
}

/** Client-side move to another screen, carrying `payload` as that screen's data. */
export interface NavigateAction {
  readonly name: "navigate";
  readonly next: NextTarget;
  readonly payload?: JsonObject;
}

/** Sends `payload` to the data endpoint; the endpoint answers with the next screen. */
export interface DataExchangeAction {
  readonly name: "data_exchange";
  readonly payload?: JsonObject;
}

/** Closes the flow; `payload` becomes the completion message's `response_json`. */
export interface CompleteAction {
  readonly name: "complete";
  readonly payload?: JsonObject;
}

/** Updates the current screen's data on the client (Flow JSON 6.0+). */
export interface UpdateDataAction {
  readonly name: "update_data";
  readonly payload: JsonObject;
}

/** Opens a URL in the browser (Flow JSON 6.0+). */
export interface OpenUrlAction {
  readonly name: "open_url";
  readonly url: string;
}

export type Action = NavigateAction | DataExchangeAction | CompleteAction | UpdateDataAction | OpenUrlAction;
export type ActionName = Action["name"];

// ---------------------------------------------------------------------------------------------------
// Supporting item types
// ---------------------------------------------------------------------------------------------------

/** One option of a CheckboxGroup, RadioButtonsGroup, Dropdown or ChipsSelector. */
export interface DataSourceItem {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly metadata?: string;
  readonly enabled?: boolean;
  readonly image?: string;
  readonly "alt-text"?: string;
  readonly color?: string;
  readonly "on-select-action"?: DataExchangeAction | UpdateDataAction;
  readonly "on-unselect-action"?: UpdateDataAction;
}

/** One item of a NavigationList (Flow JSON 6.2+). */
export interface NavigationListItem {
  readonly id: string;
  readonly "main-content": {
    readonly title: string;
    readonly description?: string;
    readonly metadata?: string;
  };
  readonly start?: { readonly image: string; readonly "alt-text"?: string };
  readonly end?: { readonly title?: string; readonly description?: string; readonly metadata?: string };
  readonly badge?: string;
  readonly tags?: readonly string[];
  readonly "on-click-action"?: NavigateAction | DataExchangeAction;
}

/** One image of an ImageCarousel (Flow JSON 7.1+). */
export interface ImageCarouselItem {
  readonly src: string;
  readonly "alt-text": string;
}

/** A CalendarPicker range value: one entry for the start date, one for the end date. */
export interface CalendarRange<T> {
  readonly "start-date"?: T;
  readonly "end-date"?: T;
}

// ---------------------------------------------------------------------------------------------------
// Components
// ---------------------------------------------------------------------------------------------------

export type FontWeight = "bold" | "italic" | "bold_italic" | "normal";
export type InputType = "text" | "number" | "email" | "password" | "passcode" | "phone";
export type MediaSize = "regular" | "large";
export type ScaleType = "cover" | "contain";
export type PhotoSource = "camera_gallery" | "camera" | "gallery";
export type CalendarDay = "Mon" | "Tue" | "Wed" | "Thu" | "Fri" | "Sat" | "Sun";

interface Visible {
  readonly visible?: boolean | Binding;
}

export interface TextHeading extends Visible {
  readonly type: "TextHeading";
  readonly text: string;
}

export interface TextSubheading extends Visible {
  readonly type: "TextSubheading";
  readonly text: string;
}

interface TextBlock extends Visible {
  readonly text: string | readonly string[];
  readonly "font-weight"?: FontWeight | Binding;
  readonly strikethrough?: boolean | Binding;
  readonly markdown?: boolean;
}

export interface TextBody extends TextBlock {
  readonly type: "TextBody";
}

export interface TextCaption extends TextBlock {
  readonly type: "TextCaption";
}

export interface RichText extends Visible {
  readonly type: "RichText";
  readonly text: string | readonly string[];
}

export interface TextInput extends Visible {
  readonly type: "TextInput";
  readonly name: string;
  readonly label: string;
  readonly "label-variant"?: "large";
  readonly "input-type"?: InputType | Binding;
  readonly pattern?: string;
  readonly required?: boolean | Binding;
  readonly "min-chars"?: number | Binding;
  readonly "max-chars"?: number | Binding;
  readonly "helper-text"?: string;
  readonly enabled?: boolean | Binding;
  readonly "init-value"?: string;
  readonly "error-message"?: string;
}

export interface TextArea extends Visible {
  readonly type: "TextArea";
  readonly name: string;
  readonly label: string;
  readonly "label-variant"?: "large";
  readonly required?: boolean | Binding;
  readonly "max-length"?: number | Binding;
  readonly "helper-text"?: string;
  readonly enabled?: boolean | Binding;
  readonly "init-value"?: string;
  readonly "error-message"?: string;
}

interface Selection extends Visible {
  readonly name: string;
  readonly "data-source": readonly DataSourceItem[] | Binding;
  readonly label?: string;
  readonly description?: string;
  readonly required?: boolean | Binding;
  readonly enabled?: boolean | Binding;
  readonly "media-size"?: MediaSize;
  readonly "on-select-action"?: DataExchangeAction | UpdateDataAction;
  readonly "on-unselect-action"?: UpdateDataAction;
  readonly "error-message"?: string;
}

export interface CheckboxGroup extends Selection {
  readonly type: "CheckboxGroup";
  readonly "min-selected-items"?: number | Binding;
  readonly "max-selected-items"?: number | Binding;
  readonly "init-value"?: readonly string[] | Binding;
}

export interface RadioButtonsGroup extends Selection {
  readonly type: "RadioButtonsGroup";
  readonly "init-value"?: string;
}

export interface Dropdown extends Selection {
  readonly type: "Dropdown";
  readonly label: string;
  readonly "init-value"?: string;
}

export interface ChipsSelector extends Selection {
  readonly type: "ChipsSelector";
  readonly label: string;
  readonly "min-selected-items"?: number | Binding;
  readonly "max-selected-items"?: number | Binding;
  readonly "init-value"?: readonly string[] | Binding;
}

export interface Footer {
  readonly type: "Footer";
  readonly label: string;
  readonly "on-click-action": CompleteAction | DataExchangeAction | NavigateAction;
  readonly "left-caption"?: string;
  readonly "center-caption"?: string;
  readonly "right-caption"?: string;
  readonly enabled?: boolean | Binding;
}

export interface OptIn extends Visible {
  readonly type: "OptIn";
  readonly name: string;
  readonly label: string;
  readonly required?: boolean | Binding;
  readonly "init-value"?: boolean | Binding;
  readonly "on-click-action"?: DataExchangeAction | NavigateAction | OpenUrlAction;
  readonly "on-select-action"?: UpdateDataAction;
  readonly "on-unselect-action"?: UpdateDataAction;
}

export interface EmbeddedLink extends Visible {
  readonly type: "EmbeddedLink";
  readonly text: string;
  readonly "on-click-action": DataExchangeAction | NavigateAction | OpenUrlAction | UpdateDataAction;
}

export interface DatePicker extends Visible {
  readonly type: "DatePicker";
  readonly name: string;
  readonly label: string;
  readonly "min-date"?: string;
  readonly "max-date"?: string;
  readonly "unavailable-dates"?: readonly string[] | Binding;
  readonly "helper-text"?: string;
  readonly required?: boolean | Binding;
  readonly enabled?: boolean | Binding;
  readonly "init-value"?: string;
  readonly "error-message"?: string;
  readonly "on-select-action"?: DataExchangeAction;
}

export interface CalendarPicker extends Visible {
  readonly type: "CalendarPicker";
  readonly name: string;
  readonly label: string | CalendarRange<string>;
  readonly title?: string;
  readonly description?: string;
  readonly mode?: "single" | "range";
  readonly "min-date"?: string;
  readonly "max-date"?: string;
  readonly "unavailable-dates"?: readonly string[] | Binding;
  readonly "include-days"?: readonly CalendarDay[] | Binding;
  readonly "min-days"?: number | Binding;
  readonly "max-days"?: number | Binding;
  readonly "helper-text"?: string | CalendarRange<string>;
  readonly required?: boolean | Binding | CalendarRange<boolean | Binding>;
  readonly enabled?: boolean | Binding;
  readonly "init-value"?: string | CalendarRange<string>;
  readonly "error-message"?: string | CalendarRange<string>;
  readonly "on-select-action"?: DataExchangeAction;
}

export interface Image extends Visible {
  readonly type: "Image";
  readonly src: string;
  readonly width?: number | Binding;
  readonly height?: number | Binding;
  readonly "scale-type"?: ScaleType;
  readonly "aspect-ratio"?: number | Binding;
  readonly "alt-text"?: string;
}

export interface ImageCarousel extends Visible {
  readonly type: "ImageCarousel";
  readonly images: readonly ImageCarouselItem[] | Binding;
  readonly "aspect-ratio"?: "4:3" | "16:9";
  readonly "scale-type"?: ScaleType;
}

export interface PhotoPicker extends Visible {
  readonly type: "PhotoPicker";
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  readonly "photo-source"?: PhotoSource;
  readonly "max-file-size-kb"?: number | Binding;
  readonly "min-uploaded-photos"?: number | Binding;
  readonly "max-uploaded-photos"?: number | Binding;
  readonly enabled?: boolean | Binding;
  readonly "error-message"?: string | { readonly [mediaId: string]: string };
}

export interface DocumentPicker extends Visible {
  readonly type: "DocumentPicker";
  readonly name: string;
  readonly label: string;
  readonly description?: string;
  readonly "max-file-size-kb"?: number | Binding;
  readonly "min-uploaded-documents"?: number | Binding;
  readonly "max-uploaded-documents"?: number | Binding;
  readonly "allowed-mime-types"?: readonly string[] | Binding;
  readonly enabled?: boolean | Binding;
  readonly "error-message"?: string | { readonly [mediaId: string]: string };
}

export interface NavigationList {
  readonly type: "NavigationList";
  readonly name: string;
  readonly "list-items": readonly NavigationListItem[] | Binding;
  readonly label?: string;
  readonly description?: string;
  readonly "media-size"?: MediaSize;
  readonly "on-click-action"?: NavigateAction | DataExchangeAction;
}

export interface If {
  readonly type: "If";
  readonly condition: string;
  readonly then: readonly Component[];
  readonly else?: readonly Component[];
}

export interface Switch {
  readonly type: "Switch";
  readonly value: Binding;
  readonly cases: { readonly [key: string]: readonly Component[] };
}

export interface Form {
  readonly type: "Form";
  readonly name: string;
  readonly children: readonly Component[];
  readonly "init-values"?: JsonObject | Binding;
  readonly "error-messages"?: JsonObject | Binding;
}

/** The components that take user input and are named in `${form.x}`. */
export type InputComponent =
  | TextInput
  | TextArea
  | CheckboxGroup
  | RadioButtonsGroup
  | Dropdown
  | ChipsSelector
  | OptIn
  | DatePicker
  | CalendarPicker
  | PhotoPicker
  | DocumentPicker;

/** Every component a layout, Form, If or Switch may hold. */
export type Component =
  | TextHeading
  | TextSubheading
  | TextBody
  | TextCaption
  | RichText
  | InputComponent
  | Footer
  | EmbeddedLink
  | Image
  | ImageCarousel
  | NavigationList
  | If
  | Switch
  | Form;

export type ComponentType = Component["type"];

// ---------------------------------------------------------------------------------------------------
// Screens and the document
// ---------------------------------------------------------------------------------------------------

/** A JSON-schema fragment describing one field of a screen's data, with its mandatory example. */
export interface DataFieldSchema {
  readonly type: "string" | "number" | "integer" | "boolean" | "object" | "array";
  readonly items?: DataFieldSchema | boolean;
  readonly properties?: { readonly [name: string]: DataFieldSchema };
  readonly required?: readonly string[];
  readonly __example__?: JsonValue;
  readonly [keyword: string]: JsonValue | DataFieldSchema | undefined | object;
}

/** A screen's data model: field name to schema. */
export type ScreenDataModel = { readonly [field: string]: DataFieldSchema };

export interface Layout {
  readonly type: "SingleColumnLayout";
  readonly children: readonly Component[];
}

export interface Screen {
  readonly id: string;
  readonly title?: string;
  readonly data?: ScreenDataModel;
  readonly terminal?: boolean;
  readonly success?: boolean;
  readonly refresh_on_back?: boolean;
  readonly sensitive?: readonly string[];
  readonly layout: Layout;
}

/** The routing model: screen id to the screens it may go to forward. */
export type RoutingModel = { readonly [screenId: string]: readonly string[] };

/** A whole Flow JSON document. */
export interface FlowJson {
  readonly version: string;
  readonly data_api_version?: string;
  readonly routing_model?: RoutingModel;
  readonly data_channel_uri?: string;
  readonly screens: readonly Screen[];
}
