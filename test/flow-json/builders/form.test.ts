import { describe, expect, it } from "vitest";
import { form } from "../../../src/flow-json/builders/form.js";
import { FormConflictError } from "../../../src/flow-json/builders/errors.js";
import { ifElse, switchOn } from "../../../src/flow-json/builders/conditional.js";
import { optIn, textInput } from "../../../src/flow-json/builders/inputs.js";
import { photoPicker } from "../../../src/flow-json/builders/media.js";
import { footer } from "../../../src/flow-json/builders/navigation.js";
import { checkboxGroup } from "../../../src/flow-json/builders/selection.js";
import { textBody } from "../../../src/flow-json/builders/text.js";
import { dataExchange } from "../../../src/flow-json/builders/actions.js";
import { dataRef } from "../../../src/flow-json/refs.js";
import { expectWireJson } from "../../helpers/wire-json.js";

function conflictOf(build: () => unknown): FormConflictError {
  try {
    build();
  } catch (error) {
    if (error instanceof FormConflictError) return error;
    throw error;
  }
  throw new Error("expected a FormConflictError");
}

describe("form", () => {
  it("moves the inputs' initValue and errorMessage up into the Form", () => {
    const email = textInput({ name: "email", label: "Email", initValue: dataRef<string>("default_email") });
    const password = textInput({ name: "password", label: "Password", errorMessage: "Too short" });
    const subscribe = optIn({ name: "subscribe", label: "Subscribe", initValue: false });
    const built = form({
      name: "sign_in",
      children: [email, password, subscribe, footer({ label: "Go", onClickAction: dataExchange() })],
    });
    expect(built).toStrictEqual({
      type: "Form",
      name: "sign_in",
      "init-values": { email: "${data.default_email}", subscribe: false },
      "error-messages": { password: "Too short" },
      children: [
        { type: "TextInput", name: "email", label: "Email" },
        { type: "TextInput", name: "password", label: "Password" },
        { type: "OptIn", name: "subscribe", label: "Subscribe" },
        { type: "Footer", label: "Go", "on-click-action": { name: "data_exchange", payload: {} } },
      ],
    });
    expectWireJson(built);
  });

  it("leaves the inputs it was given untouched", () => {
    const email = textInput({ name: "email", label: "Email", initValue: "a@b.c" });
    form({ name: "f", children: [email] });
    expect(email["init-value"]).toBe("a@b.c");
  });

  it("writes no maps when nothing is set", () => {
    expect(form({ name: "f", children: [textBody("Hi")] })).toStrictEqual({
      type: "Form",
      name: "f",
      children: [{ type: "TextBody", text: "Hi" }],
    });
  });

  it("keeps an explicit empty map and merges Form-level values with the inputs'", () => {
    expect(form({ name: "f", children: [textBody("Hi")], initValues: {} })["init-values"]).toStrictEqual({});
    const built = form({
      name: "f",
      initValues: { extras: ["a"], name: dataRef<string>("name") },
      children: [checkboxGroup({ name: "toppings", label: "T", dataSource: [], initValue: ["olives"] })],
    });
    expect(built["init-values"]).toStrictEqual({ extras: ["a"], name: "${data.name}", toppings: ["olives"] });
  });

  it("takes a ref for the whole map", () => {
    expect(
      form({ name: "register", errorMessages: dataRef<object>("error_messages"), children: [] })[
        "error-messages"
      ],
    ).toBe("${data.error_messages}");
  });

  it("also gathers inputs inside If and Switch branches", () => {
    const built = form({
      name: "f",
      children: [
        ifElse({
          condition: dataRef<boolean>("x"),
          then: [textInput({ name: "a", label: "A", initValue: "1" })],
          else: [textInput({ name: "b", label: "B", errorMessage: "bad" })],
        }),
        switchOn({
          value: dataRef<string>("kind"),
          cases: { one: [textInput({ name: "c", label: "C", initValue: "3" })] },
        }),
      ],
    });
    expect(built["init-values"]).toStrictEqual({ a: "1", c: "3" });
    expect(built["error-messages"]).toStrictEqual({ b: "bad" });
    expect(JSON.stringify(built)).not.toContain('init-value"');
  });

  it("moves a picker's per-media error map", () => {
    const photos = photoPicker({ name: "photos", label: "Photos", errorMessage: { m1: "Blurry" } });
    expect(form({ name: "f", children: [photos] })["error-messages"]).toStrictEqual({
      photos: { m1: "Blurry" },
    });
  });

  it("refuses two inputs with one name", () => {
    const error = conflictOf(() =>
      form({
        name: "f",
        children: [textInput({ name: "a", label: "A" }), textInput({ name: "a", label: "B" })],
      }),
    );
    expect(error._tag).toBe("FormConflictError");
    expect([error.form, error.input]).toEqual(["f", "a"]);
    expect(error.message).toBe(
      'Form "f" holds two inputs named "a"; give each input of a Form (If and Switch branches included) its own name.',
    );
  });

  it("refuses an input value when the Form's map is a ref", () => {
    const error = conflictOf(() =>
      form({
        name: "f",
        initValues: dataRef<object>("values"),
        children: [textInput({ name: "a", label: "A", initValue: "x" })],
      }),
    );
    expect(error.message).toBe(
      'Input "a" of Form "f" has its own initValue while the Form\'s initValues is a ref; set it in one place only.',
    );
  });

  it("refuses a value set both on the Form and on the input", () => {
    const error = conflictOf(() =>
      form({
        name: "f",
        errorMessages: { a: "Form says no" },
        children: [textInput({ name: "a", label: "A", errorMessage: "Input says no" })],
      }),
    );
    expect(error.message).toBe(
      'Input "a" of Form "f" has its own errorMessage while the Form\'s errorMessages also sets "a"; set it in one place only.',
    );
  });
});
