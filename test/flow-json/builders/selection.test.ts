import { describe, expect, it } from "vitest";
import {
  checkboxGroup,
  chipsSelector,
  dataSourceItem,
  dropdown,
  radioButtonsGroup,
} from "../../../src/flow-json/builders/selection.js";
import { dataExchange, updateData } from "../../../src/flow-json/builders/actions.js";
import { defineScreenData } from "../../../src/flow-json/screen-data.js";
import { expectWireJson } from "../../helpers/wire-json.js";

const items = [
  { id: "a", title: "A" },
  { id: "b", title: "B" },
];

describe("dataSourceItem", () => {
  it("writes image alt text and actions in kebab-case and leaves out undefined", () => {
    const item = dataSourceItem({
      id: "1",
      title: "USA",
      description: undefined,
      metadata: "North America",
      enabled: false,
      image: "iVBORw0KGgo=",
      altText: "Flag",
      color: "FF0000",
      onSelectAction: updateData({ state_visibility: true }),
      onUnselectAction: updateData({ state_visibility: false }),
    });
    expect(item).toStrictEqual({
      id: "1",
      title: "USA",
      metadata: "North America",
      enabled: false,
      image: "iVBORw0KGgo=",
      "alt-text": "Flag",
      color: "FF0000",
      "on-select-action": { name: "update_data", payload: { state_visibility: true } },
      "on-unselect-action": { name: "update_data", payload: { state_visibility: false } },
    });
    expectWireJson(item);
  });
});

describe("selection builders", () => {
  it("write checkbox options and type the ref as the checked ids", () => {
    const group = checkboxGroup({
      name: "toppings",
      label: "Toppings",
      description: "Pick two",
      dataSource: items,
      minSelectedItems: 1,
      maxSelectedItems: 2,
      mediaSize: "large",
      initValue: ["a"],
      onSelectAction: dataExchange(),
    });
    expect(group).toStrictEqual({
      type: "CheckboxGroup",
      name: "toppings",
      label: "Toppings",
      description: "Pick two",
      "data-source": items,
      "min-selected-items": 1,
      "max-selected-items": 2,
      "media-size": "large",
      "init-value": ["a"],
      "on-select-action": { name: "data_exchange", payload: {} },
    });
    expect(String(group.ref)).toBe("${form.toppings}");
  });

  it("bind the data source and visibility to data refs", () => {
    const data = defineScreenData({ countries: [{ id: "1", title: "USA" }], visible: false });
    expect(
      radioButtonsGroup({
        name: "country",
        label: "Country",
        dataSource: data.countries,
        visible: data.visible,
      }),
    ).toStrictEqual({
      type: "RadioButtonsGroup",
      name: "country",
      label: "Country",
      "data-source": "${data.countries}",
      visible: "${data.visible}",
    });
  });

  it("write Dropdown and ChipsSelector", () => {
    expect(
      dropdown({ name: "size", label: "Size", dataSource: items, required: true, initValue: "b" }),
    ).toStrictEqual({
      type: "Dropdown",
      name: "size",
      label: "Size",
      "data-source": items,
      required: true,
      "init-value": "b",
    });
    const chips = chipsSelector({ name: "chips", label: "Chips", dataSource: items, maxSelectedItems: 2 });
    expect(chips).toStrictEqual({
      type: "ChipsSelector",
      name: "chips",
      label: "Chips",
      "data-source": items,
      "max-selected-items": 2,
    });
    expect(chips.ref.name).toBe("chips");
  });
});
