/**
 * pywa's golden Flow JSON files (Flow JSON 6.0 to 6.3), rebuilt with the builders and compared whole.
 */
import { describe, expect, it } from "vitest";
import {
  calendarPicker,
  chipsSelector,
  complete,
  concat,
  dataExchange,
  dataSourceItem,
  defineScreenData,
  embeddedLink,
  flowJson,
  footer,
  formRef,
  openUrl,
  optIn,
  radioButtonsGroup,
  screen,
  textBody,
  textInput,
  updateData,
  type DataSourceItem,
} from "../../../src/flow-json/index.js";
import { pywaGolden as golden } from "../../helpers/pywa-corpus.js";

describe("pywa golden files rebuilt with the builders (6.0 - 6.3)", () => {
  it("pywa.v6_0.string-concatenation", () => {
    const firstName = textInput({
      name: "first_name",
      label: "First name",
      inputType: "text",
      required: true,
    });
    const age = textInput({ name: "age", label: "Age", inputType: "number", required: true });
    const built = flowJson({
      version: "6.0",
      screens: [
        screen({
          id: "DEMO_SCREEN",
          title: "Demo screen",
          terminal: true,
          layout: [
            firstName,
            age,
            textBody(concat`Hello ${firstName.ref}`),
            textBody(concat`${firstName.ref} you are ${age.ref} years old.`),
            footer({ label: "Footer", onClickAction: complete() }),
          ],
        }),
      ],
    });
    expect(built).toStrictEqual(golden("pywa.v6_0.string-concatenation"));
  });

  it("pywa.v6_0.visible-condition", () => {
    const number = textInput({ name: "number", label: "Enter a number", inputType: "number" });
    const built = flowJson({
      version: "6.0",
      screens: [
        screen({
          id: "DEMO_SCREEN",
          title: "Demo Screen",
          terminal: true,
          success: true,
          layout: [
            number,
            textBody({ text: "You choose the right number!", visible: number.ref.eq(42) }),
            footer({ label: "Static footer label", onClickAction: complete() }),
          ],
        }),
      ],
    });
    expect(built).toStrictEqual(golden("pywa.v6_0.visible-condition"));
  });

  it("pywa.v6_0.update-data: nested update_data actions in data-source examples", () => {
    const pincodes = (...ids: string[]): DataSourceItem[] =>
      ids.map((id) => dataSourceItem({ id, title: id }));
    const state = (id: string, title: string, codes: DataSourceItem[]): DataSourceItem =>
      dataSourceItem({
        id,
        title,
        onUnselectAction: updateData({ pincode_visibility: false }),
        onSelectAction: updateData({ pincode: codes, pincode_visibility: true }),
      });
    const country = (id: string, title: string, states: DataSourceItem[]): DataSourceItem =>
      dataSourceItem({
        id,
        title,
        onSelectAction: updateData({ states, state_visibility: true }),
        onUnselectAction: updateData({ state_visibility: false, pincode_visibility: false }),
      });
    const data = defineScreenData({
      countries: [
        country("1", "USA", [
          state("new_york", "New York", pincodes("10001", "10005")),
          state("california", "California", pincodes("90019", "93504")),
        ]),
        country("2", "Canada", [
          state("ontario", "Ontario", pincodes("L4K", "M3C")),
          state("quebec", "Quebec", pincodes("M6B2A9", "M5V")),
        ]),
      ],
      states: [dataSourceItem({ id: "1", title: "USA" })],
      pincode: pincodes("M6B2A9"),
      state_visibility: false,
      pincode_visibility: false,
    });
    const built = flowJson({
      version: "6.0",
      screens: [
        screen({
          id: "ADDRESS_SELECTION",
          title: "Address selection",
          terminal: true,
          success: true,
          data,
          layout: [
            radioButtonsGroup({
              name: "select_country",
              label: "Select country:",
              dataSource: data.countries,
            }),
            radioButtonsGroup({
              name: "select_states",
              label: "Select state:",
              visible: data.state_visibility,
              dataSource: data.states,
            }),
            radioButtonsGroup({
              name: "pincode",
              label: "Select pincode:",
              visible: data.pincode_visibility,
              dataSource: data.pincode,
            }),
            footer({ label: "Complete", onClickAction: complete() }),
          ],
        }),
      ],
    });
    expect(built).toStrictEqual(golden("pywa.v6_0.update-data"));
  });

  it("pywa.v6_0.open-url", () => {
    const built = flowJson({
      version: "6.0",
      screens: [
        screen({
          id: "DEMO_SCREEN",
          title: "Demo screen",
          terminal: true,
          layout: [
            embeddedLink({
              text: "This is an external link.",
              onClickAction: openUrl("https://pywa.readthedocs.io/"),
            }),
            optIn({
              name: "T&Cs",
              label: "I agree to the terms.",
              onClickAction: openUrl("https://pywa.readthedocs.io/"),
            }),
            footer({ label: "Footer", onClickAction: complete() }),
          ],
        }),
      ],
    });
    expect(built).toStrictEqual(golden("pywa.v6_0.open-url"));
  });

  it("pywa.v6_1.calendar-picker-single-mode", () => {
    const built = flowJson({
      version: "6.1",
      dataApiVersion: "3.0",
      routingModel: {},
      screens: [
        screen({
          id: "DEMO_SCREEN",
          title: "Demo screen",
          terminal: true,
          layout: [
            calendarPicker({
              name: "calendar",
              label: "Single date",
              helperText: "Select a date",
              required: true,
              mode: "single",
              minDate: "2024-10-21",
              maxDate: "2025-12-12",
              unavailableDates: ["2024-11-28", "2024-11-01"],
              includeDays: ["Mon", "Tue", "Wed", "Thu", "Fri"],
              initValue: "2024-10-23",
              onSelectAction: dataExchange({ calendar: formRef("calendar") }),
            }),
            footer({ label: "Continue", onClickAction: dataExchange() }),
          ],
        }),
      ],
    });
    expect(built).toStrictEqual(golden("pywa.v6_1.calendar-picker-single-mode"));
  });

  it("pywa.v6_2.regex: patterns from RegExp and from strings", () => {
    const built = flowJson({
      version: "6.2",
      screens: [
        screen({
          id: "DEMO_SCREEN",
          title: "Demo Screen",
          terminal: true,
          layout: [
            textInput({
              name: "regex input",
              label: "Regex Input",
              required: true,
              inputType: "text",
              pattern: /^(19|20)\d\d-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])$/,
              helperText: "E.g. 1993-08-04",
            }),
            textInput({
              name: "passcode_oo7",
              label: "Regex Passcode",
              required: true,
              pattern: "007",
              inputType: "passcode",
              helperText: "Contains: 007",
            }),
            footer({ label: "Continue", onClickAction: complete() }),
          ],
        }),
      ],
    });
    expect(built).toStrictEqual(golden("pywa.v6_2.regex"));
  });

  it("pywa.v6_3.chips-selector", () => {
    const built = flowJson({
      version: "6.3",
      screens: [
        screen({
          id: "DEMO_SCREEN",
          title: "Demo screen",
          terminal: true,
          layout: [
            chipsSelector({
              name: "chips",
              label: "Personalize your experience",
              description: "Choose your interests to get personalized design ideas and solution",
              maxSelectedItems: 2,
              dataSource: [
                { id: "room_layout", title: "🏡 Room layouts" },
                { id: "lighting", title: "💡 Lighting" },
                { id: "renovation", title: "🛠️ Renovation" },
                { id: "furnitures", title: "📐 Room layouts" },
              ],
            }),
            footer({ label: "Continue", onClickAction: complete() }),
          ],
        }),
      ],
    });
    expect(built).toStrictEqual(golden("pywa.v6_3.chips-selector"));
  });
});
