/**
 * Builders for the components that pick from a list: CheckboxGroup, RadioButtonsGroup, Dropdown and
 * ChipsSelector, and for their `data-source` items. The list is either items (`dataSourceItem(...)`, or
 * plain `{ id, title }` objects) or a ref to a data field holding them.
 *
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components
 */
import type {
  Binding,
  CheckboxGroup,
  ChipsSelector,
  DataSourceItem,
  Dropdown,
  RadioButtonsGroup,
} from "../types.js";
import type { Expression } from "../expressions/expression.js";
import type { BuilderOptions } from "./authoring.js";
import { buildComponent } from "./component.js";
import { type WithRef, withRef } from "./input.js";
import { toWireOptions } from "./wire-value.js";

/** The least a data field must hold to feed a `data-source`: items with an `id` and a `title`. */
export interface DataSourceShape {
  readonly id: string;
  readonly title: string;
}

interface DataSourceOverride {
  readonly dataSource: readonly DataSourceItem[] | Expression<readonly DataSourceShape[]> | Binding;
}

/** The options of `checkboxGroup`. */
export type CheckboxGroupOptions = BuilderOptions<CheckboxGroup, DataSourceOverride>;
/** The options of `radioButtonsGroup`. */
export type RadioButtonsGroupOptions = BuilderOptions<RadioButtonsGroup, DataSourceOverride>;
/** The options of `dropdown`. */
export type DropdownOptions = BuilderOptions<Dropdown, DataSourceOverride>;
/** The options of `chipsSelector`. */
export type ChipsSelectorOptions = BuilderOptions<ChipsSelector, DataSourceOverride>;
/** The options of `dataSourceItem` (`altText`, `onSelectAction`, ... in camelCase). */
export type DataSourceItemOptions = BuilderOptions<DataSourceItem>;

/**
 * One option of a selection component: `id` and `title`, plus description, metadata, image (`altText`),
 * colour and, from 6.0, `update_data` / `data_exchange` actions on select and unselect.
 *
 * @example
 * dataSourceItem({ id: "basic", title: "Basic", altText: "A small box", image: base64Png });
 * // { id: "basic", title: "Basic", "alt-text": "A small box", image: "..." }
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#checkbox
 */
export function dataSourceItem(options: DataSourceItemOptions): DataSourceItem {
  return toWireOptions(options) as unknown as DataSourceItem;
}

/**
 * A CheckboxGroup; its ref holds the ids of the checked items.
 *
 * @example
 * const toppings = checkboxGroup({ name: "toppings", label: "Toppings", dataSource: [{ id: "olives", title: "Olives" }] });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#checkbox
 */
export function checkboxGroup(options: CheckboxGroupOptions): WithRef<CheckboxGroup, readonly string[]> {
  return withRef(buildComponent<CheckboxGroup>("CheckboxGroup", options));
}

/**
 * A RadioButtonsGroup; its ref holds the id of the chosen item.
 *
 * @example
 * const country = radioButtonsGroup({ name: "select_country", label: "Select country:", dataSource: data.countries });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#radio
 */
export function radioButtonsGroup(options: RadioButtonsGroupOptions): WithRef<RadioButtonsGroup, string> {
  return withRef(buildComponent<RadioButtonsGroup>("RadioButtonsGroup", options));
}

/**
 * A Dropdown (1 to 200 items); its ref holds the id of the chosen item.
 *
 * @example
 * const size = dropdown({ name: "size", label: "Size", dataSource: [{ id: "s", title: "Small" }, { id: "l", title: "Large" }] });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#dropdown
 */
export function dropdown(options: DropdownOptions): WithRef<Dropdown, string> {
  return withRef(buildComponent<Dropdown>("Dropdown", options));
}

/**
 * A ChipsSelector (Flow JSON 6.3+); its ref holds the ids of the selected chips.
 *
 * @example
 * const interests = chipsSelector({ name: "chips", label: "Interests", maxSelectedItems: 2, dataSource: items });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#chips-selector
 */
export function chipsSelector(options: ChipsSelectorOptions): WithRef<ChipsSelector, readonly string[]> {
  return withRef(buildComponent<ChipsSelector>("ChipsSelector", options));
}
