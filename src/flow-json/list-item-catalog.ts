/**
 * The objects that fill component lists: data-source options (CheckboxGroup, RadioButtonsGroup,
 * Dropdown), ChipsSelector options, NavigationList items and ImageCarousel images, with their
 * properties, limits and minimum versions.
 *
 * @example
 * DATA_SOURCE_ITEM.properties["title"]?.maxChars; // 30
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components
 */
import { BASE, bool, required, since, str } from "./catalog-properties.js";
import { defineProperties, type ObjectSpec } from "./property-spec.js";

/** An option of CheckboxGroup, RadioButtonsGroup and Dropdown. */
export const DATA_SOURCE_ITEM: ObjectSpec = {
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

/** An option of ChipsSelector. */
export const CHIPS_ITEM: ObjectSpec = {
  label: "ChipsSelector data-source item",
  properties: defineProperties({
    id: required(str()),
    title: required(str()),
    enabled: bool,
    "on-select-action": { kind: "action", since: "7.1", actions: { update_data: "7.1" } },
    "on-unselect-action": { kind: "action", since: "7.1", actions: { update_data: "7.1" } },
  }),
};

/** An item of NavigationList. */
export const NAVIGATION_ITEM: ObjectSpec = {
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

/** An image of ImageCarousel. */
export const CAROUSEL_ITEM: ObjectSpec = {
  label: "ImageCarousel image",
  properties: defineProperties({ src: required(str()), "alt-text": required(str()) }),
};
