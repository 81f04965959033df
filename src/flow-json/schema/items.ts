/**
 * Schemas of the items inside list-like components: data-source options, navigation-list items,
 * image-carousel images, and CalendarPicker range values.
 *
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components
 */
import { Schema } from "effect";
import {
  calendarRangeKeyOrder,
  dataSourceItemKeyOrder,
  imageCarouselItemKeyOrder,
  navigationItemEndKeyOrder,
  navigationItemMainContentKeyOrder,
  navigationItemStartKeyOrder,
  navigationListItemKeyOrder,
} from "../canonical-order.js";
import { NavigationActionSchema, SelectActionSchema, UpdateOnlyActionSchema } from "./actions.js";
import { BooleanSchema, StringListSchema, StringSchema, orderedStruct } from "./primitives.js";

/** One option of a CheckboxGroup, RadioButtonsGroup, Dropdown or ChipsSelector. */
export const DataSourceItemSchema = orderedStruct(dataSourceItemKeyOrder, {
  id: StringSchema,
  title: StringSchema,
  description: Schema.optionalKey(StringSchema),
  metadata: Schema.optionalKey(StringSchema),
  image: Schema.optionalKey(StringSchema),
  "alt-text": Schema.optionalKey(StringSchema),
  color: Schema.optionalKey(StringSchema),
  enabled: Schema.optionalKey(BooleanSchema),
  "on-select-action": Schema.optionalKey(SelectActionSchema),
  "on-unselect-action": Schema.optionalKey(UpdateOnlyActionSchema),
});

/** One item of a NavigationList (Flow JSON 6.2+). */
export const NavigationListItemSchema = orderedStruct(navigationListItemKeyOrder, {
  id: StringSchema,
  "main-content": orderedStruct(navigationItemMainContentKeyOrder, {
    title: StringSchema,
    description: Schema.optionalKey(StringSchema),
    metadata: Schema.optionalKey(StringSchema),
  }),
  start: Schema.optionalKey(
    orderedStruct(navigationItemStartKeyOrder, {
      image: StringSchema,
      "alt-text": Schema.optionalKey(StringSchema),
    }),
  ),
  end: Schema.optionalKey(
    orderedStruct(navigationItemEndKeyOrder, {
      title: Schema.optionalKey(StringSchema),
      description: Schema.optionalKey(StringSchema),
      metadata: Schema.optionalKey(StringSchema),
    }),
  ),
  badge: Schema.optionalKey(StringSchema),
  tags: Schema.optionalKey(StringListSchema),
  "on-click-action": Schema.optionalKey(NavigationActionSchema),
});

/** One image of an ImageCarousel (Flow JSON 7.1+). */
export const ImageCarouselItemSchema = orderedStruct(imageCarouselItemKeyOrder, {
  src: StringSchema,
  "alt-text": StringSchema,
});

/**
 * A CalendarPicker range value, `{ "start-date"?: T, "end-date"?: T }`.
 *
 * @example
 * const RangeLabel = calendarRange(StringSchema);
 */
export function calendarRange<S extends Schema.Top>(value: S) {
  return orderedStruct(calendarRangeKeyOrder, {
    "start-date": Schema.optionalKey(value),
    "end-date": Schema.optionalKey(value),
  }).annotate({ expected: "a range object with start-date and end-date" });
}
