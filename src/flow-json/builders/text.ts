/**
 * Builders for the text components: TextHeading, TextSubheading, TextBody, TextCaption and RichText.
 * Each takes its options, or just its text (a string, a string ref, or a `concat` expression).
 *
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#text
 */
import type { RichText, TextBody, TextCaption, TextHeading, TextSubheading } from "../types.js";
import { Expression } from "../expressions/expression.js";
import type { BuilderOptions } from "./authoring.js";
import { buildComponent } from "./component.js";

/** The options of `textHeading`: `text` and `visible`. */
export type TextHeadingOptions = BuilderOptions<TextHeading>;
/** The options of `textSubheading`: `text` and `visible`. */
export type TextSubheadingOptions = BuilderOptions<TextSubheading>;
/** The options of `textBody`: `text` (or Markdown lines), `fontWeight`, `strikethrough`, `markdown`, `visible`. */
export type TextBodyOptions = BuilderOptions<TextBody>;
/** The options of `textCaption`, the same as TextBody's. */
export type TextCaptionOptions = BuilderOptions<TextCaption>;
/** The options of `richText`: `text` (Markdown, one string or lines) and `visible`. */
export type RichTextOptions = BuilderOptions<RichText>;

/** The text alone: a string, or a string expression (ref, concatenation). */
type TextOnly = string | Expression<string>;

function textOptions<O extends object>(options: O | TextOnly): O | { readonly text: TextOnly } {
  return typeof options === "string" || options instanceof Expression ? { text: options } : options;
}

/**
 * A TextHeading (at most 80 characters).
 *
 * @example
 * textHeading("Our Terms"); // { type: "TextHeading", text: "Our Terms" }
 * textHeading({ text: data.title, visible: data.show_title });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#heading
 */
export function textHeading(options: TextHeadingOptions | TextOnly): TextHeading {
  return buildComponent<TextHeading>("TextHeading", textOptions(options));
}

/**
 * A TextSubheading (at most 80 characters).
 *
 * @example
 * textSubheading(welcome); // { type: "TextSubheading", text: "${data.welcome}" }
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#subheading
 */
export function textSubheading(options: TextSubheadingOptions | TextOnly): TextSubheading {
  return buildComponent<TextSubheading>("TextSubheading", textOptions(options));
}

/**
 * A TextBody: text (or, from 5.1, Markdown lines with `markdown: true`), with optional font weight,
 * strikethrough and visibility.
 *
 * @example
 * textBody({ text: "You chose the right number!", visible: number.ref.eq(42) });
 * // { type: "TextBody", text: "...", visible: "`(${form.number} == 42)`" }
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#body
 */
export function textBody(options: TextBodyOptions | TextOnly): TextBody {
  return buildComponent<TextBody>("TextBody", textOptions(options));
}

/**
 * A TextCaption, with the same options as TextBody.
 *
 * @example
 * textCaption({ text: ["**Bold** caption", "second line"], markdown: true });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#caption
 */
export function textCaption(options: TextCaptionOptions | TextOnly): TextCaption {
  return buildComponent<TextCaption>("TextCaption", textOptions(options));
}

/**
 * A RichText block of Markdown (Flow JSON 5.1+), given as one string or as lines.
 *
 * @example
 * richText({ text: ["# Terms", "1. First rule", "2. Second rule"] });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#richtext
 */
export function richText(options: RichTextOptions | TextOnly): RichText {
  return buildComponent<RichText>("RichText", textOptions(options));
}
