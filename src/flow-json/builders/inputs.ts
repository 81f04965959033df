/**
 * Builders for the free-input components: TextInput, TextArea, OptIn, DatePicker and CalendarPicker.
 * Each returns the wire component with a typed `ref` to its value (`${form.<name>}`): a string, a
 * number for a TextInput with `inputType: "number"`, a boolean for an OptIn, a start/end pair for a
 * CalendarPicker in range mode.
 *
 * `initValue` and `errorMessage` stay on the component outside a Form (Flow JSON 4.0+); inside
 * `form(...)` they move up into the Form's `init-values` / `error-messages`.
 *
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components
 */
import type { CalendarPicker, CalendarRange, DatePicker, OptIn, TextArea, TextInput } from "../types.js";
import type { BooleanOperand, StringOperand } from "../expressions/expression.js";
import type { BuilderOptions } from "./authoring.js";
import { buildComponent } from "./component.js";
import { type WithRef, withRef } from "./input.js";
import { isPlainObject, toWireOptions } from "./wire-value.js";

/** The options of `textInput` (`inputType`, `helperText`, `minChars`, `initValue`, ...). */
export type TextInputOptions = BuilderOptions<
  TextInput,
  {
    /** A regular expression the value must match (Flow JSON 6.2+); a `RegExp` is written as its source. */
    readonly pattern?: string | RegExp | undefined;
  }
>;
/** The options of `textArea` (`maxLength`, `helperText`, `initValue`, ...). */
export type TextAreaOptions = BuilderOptions<TextArea>;
/** The options of `optIn` (`onClickAction`, `onSelectAction`, `initValue`, ...). */
export type OptInOptions = BuilderOptions<OptIn>;
/** The options of `datePicker` (`minDate`, `maxDate`, `unavailableDates`, ...). */
export type DatePickerOptions = BuilderOptions<DatePicker>;

/** A CalendarPicker range value written in camelCase: `{ startDate, endDate }`. */
export interface CalendarRangeOptions<T> {
  readonly startDate?: T | undefined;
  readonly endDate?: T | undefined;
}

type Ranged<T> = T | CalendarRangeOptions<T>;

/** The options of `calendarPicker`; range values are `{ startDate, endDate }` pairs. */
export type CalendarPickerOptions = BuilderOptions<
  CalendarPicker,
  {
    readonly label: Ranged<StringOperand>;
    readonly helperText?: Ranged<StringOperand> | undefined;
    readonly required?: Ranged<BooleanOperand> | undefined;
    readonly initValue?: Ranged<StringOperand> | undefined;
    readonly errorMessage?: Ranged<StringOperand> | undefined;
  }
>;

/**
 * A TextInput. `inputType: "number"` makes its ref a `Ref<number>`, so it can be compared with numbers.
 *
 * @example
 * const age = textInput({ name: "age", label: "Age", inputType: "number", required: true });
 * textBody({ text: "Welcome!", visible: age.ref.gte(18) });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#textinput
 */
export function textInput(
  options: TextInputOptions & { readonly inputType: "number" },
): WithRef<TextInput, number>;
/** A TextInput whose value is a string (any `inputType` but `"number"`). */
export function textInput(options: TextInputOptions): WithRef<TextInput, string>;
export function textInput(options: TextInputOptions): WithRef<TextInput, string | number> {
  return withRef(buildComponent<TextInput>("TextInput", options));
}

/**
 * A TextArea (multi-line text).
 *
 * @example
 * const details = textArea({ name: "details", label: "What went wrong?", maxLength: 300 });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#textarea
 */
export function textArea(options: TextAreaOptions): WithRef<TextArea, string> {
  return withRef(buildComponent<TextArea>("TextArea", options));
}

/**
 * An OptIn checkbox; its "Read more" link takes `navigate`, `data_exchange` or `open_url`, its
 * select/unselect actions `update_data` only.
 *
 * @example
 * const subscribed = optIn({ name: "is_subscribed", label: "Subscribe", onClickAction: openUrl("https://example.com") });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#optin
 */
export function optIn(options: OptInOptions): WithRef<OptIn, boolean> {
  return withRef(buildComponent<OptIn>("OptIn", options));
}

/**
 * A DatePicker. Dates are `"YYYY-MM-DD"` from Flow JSON 5.0 (millisecond timestamps as strings before).
 *
 * @example
 * const date = datePicker({ name: "date", label: "Date", minDate: "2024-10-21", onSelectAction: dataExchange({ date: formRef("date") }) });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#datepicker
 */
export function datePicker(options: DatePickerOptions): WithRef<DatePicker, string> {
  return withRef(buildComponent<DatePicker>("DatePicker", options));
}

const rangedKeys = ["label", "helperText", "required", "initValue", "errorMessage"] as const;

/**
 * A CalendarPicker (Flow JSON 6.1+). In range mode, label, helper text, required, initial value and
 * error message may each be a `{ startDate, endDate }` pair, written `{"start-date", "end-date"}`.
 *
 * @example
 * const stay = calendarPicker({ name: "stay", mode: "range", label: { startDate: "Check-in", endDate: "Check-out" } });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#calendarpicker
 */
export function calendarPicker(
  options: CalendarPickerOptions & { readonly mode: "range" },
): WithRef<CalendarPicker, CalendarRange<string>>;
/** A CalendarPicker in single mode, whose value is one `"YYYY-MM-DD"` date. */
export function calendarPicker(options: CalendarPickerOptions): WithRef<CalendarPicker, string>;
export function calendarPicker(
  options: CalendarPickerOptions,
): WithRef<CalendarPicker, string | CalendarRange<string>> {
  const converted: Record<string, unknown> = { ...options };
  for (const key of rangedKeys) {
    const value: unknown = converted[key];
    if (isPlainObject(value)) converted[key] = toWireOptions(value);
  }
  return withRef(buildComponent<CalendarPicker>("CalendarPicker", converted));
}
