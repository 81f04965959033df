import { describe, expect, it } from "vitest";
import type { Screen } from "../../src/flow-json/types.js";
import { layoutActions, navigateTargets } from "../../src/machine/index.js";
import { fieldErrorsDataKey } from "../../src/machine/layout-actions.js";

const screen: Screen = {
  id: "S",
  layout: {
    type: "SingleColumnLayout",
    children: [
      {
        type: "Form",
        name: "form",
        "error-messages": "${data.errors}",
        children: [
          {
            type: "RadioButtonsGroup",
            name: "r",
            "data-source": [
              {
                id: "a",
                title: "A",
                "on-select-action": { name: "data_exchange", payload: { x: "${form.r}" } },
              },
            ],
            "on-select-action": { name: "update_data", payload: {} },
          },
          {
            type: "Footer",
            label: "Go",
            "on-click-action": { name: "navigate", next: { type: "screen", name: "NEXT" }, payload: {} },
          },
        ],
      },
      {
        type: "EmbeddedLink",
        text: "Plugin",
        "on-click-action": { name: "navigate", next: { type: "plugin", name: "P" } },
      },
      {
        type: "EmbeddedLink",
        text: "Site",
        "on-click-action": { name: "open_url", url: "https://example.com" },
      },
    ],
  },
};

describe("layoutActions", () => {
  it("finds every action with its pointer, in document order, and only screen targets for navigate", () => {
    expect(layoutActions(screen)).toEqual([
      { name: "data_exchange", pointer: "/layout/children/0/children/0/data-source/0/on-select-action" },
      { name: "update_data", pointer: "/layout/children/0/children/0/on-select-action" },
      { name: "navigate", next: "NEXT", pointer: "/layout/children/0/children/1/on-click-action" },
      { name: "navigate", pointer: "/layout/children/1/on-click-action" },
      { name: "open_url", pointer: "/layout/children/2/on-click-action" },
    ]);
    expect(navigateTargets(screen)).toEqual(["NEXT"]);
  });

  it("finds the data field a Form's error-messages is bound to", () => {
    expect(fieldErrorsDataKey(screen)).toBe("errors");
    expect(
      fieldErrorsDataKey({ id: "X", layout: { type: "SingleColumnLayout", children: [] } }),
    ).toBeUndefined();
  });
});
