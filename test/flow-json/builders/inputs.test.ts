import { describe, expect, it } from "vitest";
import {
  calendarPicker,
  datePicker,
  optIn,
  textArea,
  textInput,
} from "../../../src/flow-json/builders/inputs.js";
import { dataExchange, navigate, openUrl, updateData } from "../../../src/flow-json/builders/actions.js";
import { FormRef, dataRef, formRef } from "../../../src/flow-json/refs.js";
import { expectWireJson, wire } from "../../helpers/wire-json.js";

describe("textInput", () => {
  it("writes every option in kebab-case", () => {
    const input = textInput({
      name: "pwd",
      label: "P",
      inputType: "password",
      labelVariant: "large",
      pattern: /^\d+$/,
      required: true,
      minChars: 0,
      maxChars: 8,
      helperText: "Digits only",
      enabled: false,
      visible: true,
      initValue: "x",
      errorMessage: "bad",
    });
    expect(input).toStrictEqual({
      type: "TextInput",
      name: "pwd",
      label: "P",
      "input-type": "password",
      "label-variant": "large",
      pattern: "^\\d+$",
      required: true,
      "min-chars": 0,
      "max-chars": 8,
      "helper-text": "Digits only",
      enabled: false,
      visible: true,
      "init-value": "x",
      "error-message": "bad",
    });
    expectWireJson(input);
  });

  it("leaves out undefined options and keeps false and 0", () => {
    expect(
      textInput({ name: "a", label: "A", required: false, minChars: 0, helperText: undefined }),
    ).toStrictEqual({ type: "TextInput", name: "a", label: "A", required: false, "min-chars": 0 });
  });

  it("exposes a non-enumerable ref to ${form.<name>}", () => {
    const age = textInput({ name: "age", label: "Age", inputType: "number" });
    expect(age.ref).toBeInstanceOf(FormRef);
    expect(String(age.ref)).toBe("${form.age}");
    expect(Object.keys(age)).not.toContain("ref");
    expect(wire(age)).toEqual({ type: "TextInput", name: "age", label: "Age", "input-type": "number" });
    expect(age.ref.gte(18).render()).toBe("(${form.age} >= 18)");
  });

  it("accepts refs as initial value and number bindings", () => {
    expect(
      textInput({
        name: "email",
        label: "Email",
        initValue: formRef("email").inScreen("SIGN_IN"),
        maxChars: dataRef<number>("limit"),
      }),
    ).toStrictEqual({
      type: "TextInput",
      name: "email",
      label: "Email",
      "init-value": "${screen.SIGN_IN.form.email}",
      "max-chars": "${data.limit}",
    });
  });
});

describe("textArea", () => {
  it("writes max-length and label-variant", () => {
    const area = textArea({ name: "details", label: "Details", maxLength: 300, labelVariant: "large" });
    expect(area).toStrictEqual({
      type: "TextArea",
      name: "details",
      label: "Details",
      "max-length": 300,
      "label-variant": "large",
    });
    expect(String(area.ref)).toBe("${form.details}");
  });
});

describe("optIn", () => {
  it("writes its actions and initial value", () => {
    const subscribed = optIn({
      name: "is_subscribed",
      label: "Subscribe",
      required: true,
      initValue: false,
      onClickAction: openUrl("https://example.com"),
      onSelectAction: updateData({ show: true }),
      onUnselectAction: updateData({ show: false }),
    });
    expect(subscribed).toStrictEqual({
      type: "OptIn",
      name: "is_subscribed",
      label: "Subscribe",
      required: true,
      "init-value": false,
      "on-click-action": { name: "open_url", url: "https://example.com" },
      "on-select-action": { name: "update_data", payload: { show: true } },
      "on-unselect-action": { name: "update_data", payload: { show: false } },
    });
    expect(String(subscribed.ref.eq(true))).toBe("`(${form.is_subscribed} == true)`");
  });

  it("navigates on its Read more link", () => {
    expect(
      optIn({ name: "t", label: "T", onClickAction: navigate("TERMS") })["on-click-action"],
    ).toStrictEqual({
      name: "navigate",
      next: { type: "screen", name: "TERMS" },
      payload: {},
    });
  });
});

describe("datePicker", () => {
  it("writes dates and its data_exchange on select", () => {
    const date = datePicker({
      name: "date",
      label: "Date",
      minDate: "2024-10-21",
      maxDate: "2024-11-12",
      unavailableDates: ["2024-10-28", "2024-11-01"],
      helperText: "Pick one",
      onSelectAction: dataExchange({ date: formRef("date") }),
    });
    expect(date).toStrictEqual({
      type: "DatePicker",
      name: "date",
      label: "Date",
      "min-date": "2024-10-21",
      "max-date": "2024-11-12",
      "unavailable-dates": ["2024-10-28", "2024-11-01"],
      "helper-text": "Pick one",
      "on-select-action": { name: "data_exchange", payload: { date: "${form.date}" } },
    });
  });
});

describe("calendarPicker", () => {
  it("writes range values as start-date / end-date", () => {
    const stay = calendarPicker({
      name: "stay",
      mode: "range",
      title: "Your stay",
      label: { startDate: "Check-in", endDate: "Check-out" },
      helperText: { startDate: "From", endDate: undefined },
      required: { startDate: true, endDate: false },
      initValue: { startDate: "2024-10-23", endDate: "2024-10-25" },
      errorMessage: { endDate: "Too late" },
      includeDays: ["Mon", "Tue"],
      minDays: 1,
      maxDays: 7,
    });
    expect(stay).toStrictEqual({
      type: "CalendarPicker",
      name: "stay",
      mode: "range",
      title: "Your stay",
      label: { "start-date": "Check-in", "end-date": "Check-out" },
      "helper-text": { "start-date": "From" },
      required: { "start-date": true, "end-date": false },
      "init-value": { "start-date": "2024-10-23", "end-date": "2024-10-25" },
      "error-message": { "end-date": "Too late" },
      "include-days": ["Mon", "Tue"],
      "min-days": 1,
      "max-days": 7,
    });
    expect(String(stay.ref)).toBe("${form.stay}");
  });

  it("writes single values unchanged", () => {
    expect(
      calendarPicker({ name: "day", label: "Day", mode: "single", initValue: "2024-10-23" }),
    ).toStrictEqual({
      type: "CalendarPicker",
      name: "day",
      label: "Day",
      mode: "single",
      "init-value": "2024-10-23",
    });
  });
});
