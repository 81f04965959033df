import { describe, expect, it } from "vitest";
import {
  richText,
  textBody,
  textCaption,
  textHeading,
  textSubheading,
} from "../../../src/flow-json/builders/text.js";
import { concat } from "../../../src/flow-json/expressions/concat.js";
import { dataRef, formRef } from "../../../src/flow-json/refs.js";
import { expectWireJson } from "../../helpers/wire-json.js";

describe("text builders", () => {
  it("take the text alone: a string, a string ref or a concatenation", () => {
    expect(textHeading("Our Terms")).toStrictEqual({ type: "TextHeading", text: "Our Terms" });
    expect(textSubheading(dataRef<string>("welcome"))).toStrictEqual({
      type: "TextSubheading",
      text: "${data.welcome}",
    });
    expect(textBody(concat`Hello ${formRef("first_name")}`)).toStrictEqual({
      type: "TextBody",
      text: "` 'Hello ' ${form.first_name}`",
    });
  });

  it("write options in kebab-case and render conditions with backticks", () => {
    const body = textBody({
      text: "You chose the right number!",
      fontWeight: "bold",
      strikethrough: false,
      markdown: false,
      visible: formRef<number>("number").eq(42),
    });
    expect(body).toStrictEqual({
      type: "TextBody",
      text: "You chose the right number!",
      "font-weight": "bold",
      strikethrough: false,
      markdown: false,
      visible: "`(${form.number} == 42)`",
    });
    expectWireJson(body);
  });

  it("leave out options passed as undefined", () => {
    expect(textCaption({ text: "Caption", fontWeight: undefined, visible: undefined })).toStrictEqual({
      type: "TextCaption",
      text: "Caption",
    });
  });

  it("accept lines of Markdown, each a string or a string expression", () => {
    expect(richText({ text: ["# Title", dataRef<string>("body")] })).toStrictEqual({
      type: "RichText",
      text: ["# Title", "${data.body}"],
    });
    expect(textCaption({ text: ["**a**", "b"], markdown: true })).toStrictEqual({
      type: "TextCaption",
      text: ["**a**", "b"],
      markdown: true,
    });
  });

  it("bind visibility to a boolean ref without backticks", () => {
    expect(textHeading({ text: "Hi", visible: dataRef<boolean>("show") })).toStrictEqual({
      type: "TextHeading",
      text: "Hi",
      visible: "${data.show}",
    });
  });
});
