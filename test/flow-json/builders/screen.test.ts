import { describe, expect, it } from "vitest";
import { layout, screen } from "../../../src/flow-json/builders/screen.js";
import { textHeading } from "../../../src/flow-json/builders/text.js";
import { textInput } from "../../../src/flow-json/builders/inputs.js";
import { defineScreenData } from "../../../src/flow-json/screen-data.js";
import { formRef } from "../../../src/flow-json/refs.js";
import { expectWireJson } from "../../helpers/wire-json.js";

describe("layout", () => {
  it("is a SingleColumnLayout", () => {
    expect(layout([textHeading("Hi")])).toStrictEqual({
      type: "SingleColumnLayout",
      children: [{ type: "TextHeading", text: "Hi" }],
    });
  });
});

describe("screen", () => {
  it("writes refresh_on_back with its underscores and keeps false", () => {
    const built = screen({
      id: "DETAILS",
      title: "Details",
      terminal: false,
      success: false,
      refreshOnBack: true,
      sensitive: ["password", formRef("pin")],
      layout: [textHeading("Hi")],
    });
    expect(built).toStrictEqual({
      id: "DETAILS",
      title: "Details",
      terminal: false,
      success: false,
      refresh_on_back: true,
      sensitive: ["password", "pin"],
      layout: { type: "SingleColumnLayout", children: [{ type: "TextHeading", text: "Hi" }] },
    });
    expectWireJson(built);
  });

  it("leaves out undefined options and takes a built layout", () => {
    expect(screen({ id: "A", title: undefined, data: undefined, layout: layout([]) })).toStrictEqual({
      id: "A",
      layout: { type: "SingleColumnLayout", children: [] },
    });
  });

  it("writes a data declaration as its schema, and a raw schema as given", () => {
    const data = defineScreenData({ welcome: "Hi" });
    expect(screen({ id: "A", data, layout: [] }).data).toStrictEqual({
      welcome: { type: "string", __example__: "Hi" },
    });
    expect(screen({ id: "B", data: {}, layout: [] }).data).toStrictEqual({});
  });

  it("binds the title to a global ref", () => {
    const name = textInput({ name: "name", label: "Name" });
    expect(screen({ id: "B", title: name.ref.inScreen("A"), layout: [] }).title).toBe(
      "${screen.A.form.name}",
    );
  });
});
