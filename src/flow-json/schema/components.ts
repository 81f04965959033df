/**
 * Schemas of the Flow JSON components that hold no other components (everything except If, Switch
 * and Form), one per `type`, with every property Meta's component reference lists.
 *
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components
 */
import { Schema } from "effect";
import { componentKeyOrder } from "../canonical-order.js";
import {
  DataExchangeOnlyActionSchema,
  EmbeddedLinkActionSchema,
  FooterActionSchema,
  NavigationActionSchema,
  OptInClickActionSchema,
  SelectActionSchema,
  UpdateOnlyActionSchema,
} from "./actions.js";
import {
  DataSourceItemSchema,
  ImageCarouselItemSchema,
  NavigationListItemSchema,
  calendarRange,
} from "./items.js";
import {
  BindingSchema,
  BooleanSchema,
  FiniteSchema,
  StringListSchema,
  StringSchema,
  dynamic,
  oneOfLiterals,
  orderedStruct,
} from "./primitives.js";

const optional = Schema.optionalKey;
const visible = optional(dynamic(BooleanSchema));
const required = optional(dynamic(BooleanSchema));
const enabled = optional(dynamic(BooleanSchema));
const optionalText = optional(StringSchema);
const dynamicCount = optional(dynamic(FiniteSchema));
const textContent = Schema.Union([StringSchema, StringListSchema]).annotate({
  expected: "a string or a list of strings",
});
const mediaSize = optional(oneOfLiterals(["regular", "large"]));
const scaleType = optional(oneOfLiterals(["cover", "contain"]));
const labelVariant = optional(oneOfLiterals(["large"]));
const dynamicStringList = optional(dynamic(StringListSchema));
const mediaErrorMessage = optional(
  Schema.Union([StringSchema, Schema.Record(Schema.String, StringSchema)]).annotate({
    expected: "a string or an object mapping media ids to messages",
  }),
);

/** TextHeading: Top-level heading text (max 80 characters). */
export const TextHeadingSchema = orderedStruct(componentKeyOrder.TextHeading, {
  type: Schema.Literal("TextHeading"),
  text: StringSchema,
  visible,
});

/** TextSubheading: Subheading text (max 80 characters). */
export const TextSubheadingSchema = orderedStruct(componentKeyOrder.TextSubheading, {
  type: Schema.Literal("TextSubheading"),
  text: StringSchema,
  visible,
});

const textBlockFields = {
  text: textContent,
  "font-weight": optional(dynamic(oneOfLiterals(["bold", "italic", "bold_italic", "normal"]))),
  strikethrough: optional(dynamic(BooleanSchema)),
  markdown: optional(BooleanSchema),
  visible,
};

/** TextBody: Body text; `text` may be a list of Markdown lines when `markdown` is true (5.1+). */
export const TextBodySchema = orderedStruct(componentKeyOrder.TextBody, {
  type: Schema.Literal("TextBody"),
  ...textBlockFields,
});

/** TextCaption: Caption text, with the same properties as TextBody. */
export const TextCaptionSchema = orderedStruct(componentKeyOrder.TextCaption, {
  type: Schema.Literal("TextCaption"),
  ...textBlockFields,
});

/** RichText: A Markdown document (5.1+); `text` is a string or a list of lines. */
export const RichTextSchema = orderedStruct(componentKeyOrder.RichText, {
  type: Schema.Literal("RichText"),
  text: textContent,
  visible,
});

/** TextInput: A one-line text field, named in `${form.<name>}`. */
export const TextInputSchema = orderedStruct(componentKeyOrder.TextInput, {
  type: Schema.Literal("TextInput"),
  name: StringSchema,
  label: StringSchema,
  "label-variant": labelVariant,
  "input-type": optional(
    dynamic(oneOfLiterals(["text", "number", "email", "password", "passcode", "phone"])),
  ),
  pattern: optionalText,
  required,
  "min-chars": dynamicCount,
  "max-chars": dynamicCount,
  "helper-text": optionalText,
  enabled,
  visible,
  "init-value": optionalText,
  "error-message": optionalText,
});

/** TextArea: A multi-line text field. */
export const TextAreaSchema = orderedStruct(componentKeyOrder.TextArea, {
  type: Schema.Literal("TextArea"),
  name: StringSchema,
  label: StringSchema,
  "label-variant": labelVariant,
  required,
  "max-length": dynamicCount,
  "helper-text": optionalText,
  enabled,
  visible,
  "init-value": optionalText,
  "error-message": optionalText,
});

/** The properties CheckboxGroup, RadioButtonsGroup, Dropdown and ChipsSelector share. */
const selectionFields = {
  name: StringSchema,
  label: optionalText,
  description: optionalText,
  "data-source": dynamic(Schema.Array(DataSourceItemSchema)),
  required,
  enabled,
  visible,
  "media-size": mediaSize,
  "error-message": optionalText,
  "on-select-action": optional(SelectActionSchema),
  "on-unselect-action": optional(UpdateOnlyActionSchema),
};

const multiSelectionFields = {
  ...selectionFields,
  "min-selected-items": dynamicCount,
  "max-selected-items": dynamicCount,
  "init-value": dynamicStringList,
};

/** CheckboxGroup: A multiple choice over `data-source`. */
export const CheckboxGroupSchema = orderedStruct(componentKeyOrder.CheckboxGroup, {
  type: Schema.Literal("CheckboxGroup"),
  ...multiSelectionFields,
});

/** RadioButtonsGroup: A single choice over `data-source`. */
export const RadioButtonsGroupSchema = orderedStruct(componentKeyOrder.RadioButtonsGroup, {
  type: Schema.Literal("RadioButtonsGroup"),
  ...selectionFields,
  "init-value": optionalText,
});

/** Dropdown: A single choice over `data-source`, shown as a drop-down (label required). */
export const DropdownSchema = orderedStruct(componentKeyOrder.Dropdown, {
  type: Schema.Literal("Dropdown"),
  ...selectionFields,
  label: StringSchema,
  "init-value": optionalText,
});

/** ChipsSelector: A multiple choice shown as chips (6.3+; label required). */
export const ChipsSelectorSchema = orderedStruct(componentKeyOrder.ChipsSelector, {
  type: Schema.Literal("ChipsSelector"),
  ...multiSelectionFields,
  label: StringSchema,
});

/** Footer: The screen's call-to-action button (complete, data_exchange or navigate). */
export const FooterSchema = orderedStruct(componentKeyOrder.Footer, {
  type: Schema.Literal("Footer"),
  label: StringSchema,
  "left-caption": optionalText,
  "center-caption": optionalText,
  "right-caption": optionalText,
  enabled,
  "on-click-action": FooterActionSchema,
});

/** OptIn: A check box with an optional "Read more" action. */
export const OptInSchema = orderedStruct(componentKeyOrder.OptIn, {
  type: Schema.Literal("OptIn"),
  name: StringSchema,
  label: StringSchema,
  required,
  visible,
  "init-value": optional(dynamic(BooleanSchema)),
  "on-click-action": optional(OptInClickActionSchema),
  "on-select-action": optional(UpdateOnlyActionSchema),
  "on-unselect-action": optional(UpdateOnlyActionSchema),
});

/** EmbeddedLink: A text link that runs an action. */
export const EmbeddedLinkSchema = orderedStruct(componentKeyOrder.EmbeddedLink, {
  type: Schema.Literal("EmbeddedLink"),
  text: StringSchema,
  visible,
  "on-click-action": EmbeddedLinkActionSchema,
});

/** DatePicker: A date field (`YYYY-MM-DD` from 5.0). */
export const DatePickerSchema = orderedStruct(componentKeyOrder.DatePicker, {
  type: Schema.Literal("DatePicker"),
  name: StringSchema,
  label: StringSchema,
  "min-date": optionalText,
  "max-date": optionalText,
  "unavailable-dates": dynamicStringList,
  "helper-text": optionalText,
  required,
  enabled,
  visible,
  "init-value": optionalText,
  "error-message": optionalText,
  "on-select-action": optional(DataExchangeOnlyActionSchema),
});

const textOrRange = Schema.Union([StringSchema, calendarRange(StringSchema)]).annotate({
  expected: "a string or a range object with start-date and end-date",
});

/** CalendarPicker: A calendar (6.1+); in `range` mode label, helper text, required, init value and error are start/end pairs. */
export const CalendarPickerSchema = orderedStruct(componentKeyOrder.CalendarPicker, {
  type: Schema.Literal("CalendarPicker"),
  name: StringSchema,
  label: textOrRange,
  title: optionalText,
  description: optionalText,
  mode: optional(oneOfLiterals(["single", "range"])),
  "min-date": optionalText,
  "max-date": optionalText,
  "unavailable-dates": dynamicStringList,
  "include-days": optional(
    dynamic(Schema.Array(oneOfLiterals(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]))),
  ),
  "min-days": dynamicCount,
  "max-days": dynamicCount,
  "helper-text": optional(textOrRange),
  required: optional(
    Schema.Union([BooleanSchema, BindingSchema, calendarRange(dynamic(BooleanSchema))]).annotate({
      expected: "a boolean, a binding, or a range object with start-date and end-date",
    }),
  ),
  enabled,
  visible,
  "init-value": optional(textOrRange),
  "error-message": optional(textOrRange),
  "on-select-action": optional(DataExchangeOnlyActionSchema),
});

/** Image: A base64 image. */
export const ImageSchema = orderedStruct(componentKeyOrder.Image, {
  type: Schema.Literal("Image"),
  src: StringSchema,
  width: dynamicCount,
  height: dynamicCount,
  "scale-type": scaleType,
  "aspect-ratio": dynamicCount,
  "alt-text": optionalText,
  visible,
});

/** ImageCarousel: Up to three sliding images (7.1+). */
export const ImageCarouselSchema = orderedStruct(componentKeyOrder.ImageCarousel, {
  type: Schema.Literal("ImageCarousel"),
  images: dynamic(Schema.Array(ImageCarouselItemSchema)),
  "aspect-ratio": optional(oneOfLiterals(["4:3", "16:9"])),
  "scale-type": scaleType,
  visible,
});

/** PhotoPicker: Lets the user upload photos (4.0+). */
export const PhotoPickerSchema = orderedStruct(componentKeyOrder.PhotoPicker, {
  type: Schema.Literal("PhotoPicker"),
  name: StringSchema,
  label: StringSchema,
  description: optionalText,
  "photo-source": optional(oneOfLiterals(["camera_gallery", "camera", "gallery"])),
  "max-file-size-kb": dynamicCount,
  "min-uploaded-photos": dynamicCount,
  "max-uploaded-photos": dynamicCount,
  enabled,
  visible,
  "error-message": mediaErrorMessage,
});

/** DocumentPicker: Lets the user upload documents (4.0+). */
export const DocumentPickerSchema = orderedStruct(componentKeyOrder.DocumentPicker, {
  type: Schema.Literal("DocumentPicker"),
  name: StringSchema,
  label: StringSchema,
  description: optionalText,
  "max-file-size-kb": dynamicCount,
  "min-uploaded-documents": dynamicCount,
  "max-uploaded-documents": dynamicCount,
  "allowed-mime-types": dynamicStringList,
  enabled,
  visible,
  "error-message": mediaErrorMessage,
});

/** NavigationList: A list of items that each lead somewhere (6.2+). */
export const NavigationListSchema = orderedStruct(componentKeyOrder.NavigationList, {
  type: Schema.Literal("NavigationList"),
  name: StringSchema,
  label: optionalText,
  description: optionalText,
  "media-size": mediaSize,
  "list-items": dynamic(Schema.Array(NavigationListItemSchema)),
  "on-click-action": optional(NavigationActionSchema),
});

/** Every component that holds no other components, in the order Meta's reference lists them. */
export const leafComponentSchemas = [
  TextHeadingSchema,
  TextSubheadingSchema,
  TextBodySchema,
  TextCaptionSchema,
  RichTextSchema,
  TextInputSchema,
  TextAreaSchema,
  CheckboxGroupSchema,
  RadioButtonsGroupSchema,
  DropdownSchema,
  ChipsSelectorSchema,
  FooterSchema,
  OptInSchema,
  EmbeddedLinkSchema,
  DatePickerSchema,
  CalendarPickerSchema,
  ImageSchema,
  ImageCarouselSchema,
  PhotoPickerSchema,
  DocumentPickerSchema,
  NavigationListSchema,
] as const;
