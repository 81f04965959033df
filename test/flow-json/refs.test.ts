import { describe, expect, it } from "vitest";
import { DataRef, DataUpdate, FormRef, GlobalRef, Ref, dataRef, formRef } from "../../src/flow-json/refs.js";
import { InvalidExpressionError } from "../../src/flow-json/expressions/errors.js";
import { screen } from "../../src/flow-json/builders/screen.js";

describe("form and data refs", () => {
  it("render ${form.x} and ${data.x} and expose scope and name", () => {
    const email = formRef("email");
    const welcome = dataRef<string>("welcome");
    expect(String(email)).toBe("${form.email}");
    expect(String(welcome)).toBe("${data.welcome}");
    expect([email.scope, email.name, email.screen]).toEqual(["form", "email", undefined]);
    expect(email).toBeInstanceOf(FormRef);
    expect(welcome).toBeInstanceOf(DataRef);
    expect(welcome).toBeInstanceOf(Ref);
  });

  it("render nested data fields as a dotted path", () => {
    const user = dataRef<{ readonly address: { readonly city: string } }>("user");
    expect(String(user.field("address").field("city"))).toBe("${data.user.address.city}");
  });

  it("refuse an empty name", () => {
    for (const make of [() => formRef(""), () => dataRef("")]) {
      expect(make).toThrow(InvalidExpressionError);
    }
    let caught: unknown;
    try {
      formRef("");
    } catch (error) {
      caught = error;
    }
    expect((caught as InvalidExpressionError)._tag).toBe("InvalidExpressionError");
    expect((caught as InvalidExpressionError).message).toBe(
      "A ref needs a non-empty input name; pass the input name it refers to.",
    );
  });
});

describe("global refs", () => {
  it("point into another screen by id or by the built screen", () => {
    const signIn = screen({ id: "SIGN_IN", layout: [] });
    expect(String(formRef("email").inScreen("SIGN_IN"))).toBe("${screen.SIGN_IN.form.email}");
    expect(String(formRef("email").inScreen(signIn))).toBe("${screen.SIGN_IN.form.email}");
    expect(String(dataRef<string>("field2").inScreen("SCREEN_ONE"))).toBe("${screen.SCREEN_ONE.data.field2}");
    const global = dataRef<string>("x").inScreen("A");
    expect(global).toBeInstanceOf(GlobalRef);
    expect([global.scope, global.name, global.screen]).toEqual(["data", "x", "A"]);
  });

  it("keep nested paths", () => {
    const user = dataRef<{ readonly name: string }>("user");
    expect(String(user.field("name").inScreen("PROFILE"))).toBe("${screen.PROFILE.data.user.name}");
  });

  it("refuse an empty screen id", () => {
    expect(() => formRef("email").inScreen("")).toThrow(
      "A ref needs a non-empty screen id; pass the screen id it refers to.",
    );
  });

  it("compare like local refs", () => {
    const insurance = formRef<string>("insurance").inScreen("SELECT_INSURANCE");
    expect(insurance.ne("").render()).toBe("(${screen.SELECT_INSURANCE.form.insurance} != '')");
  });
});

describe("DataRef.update", () => {
  it("pairs the field with its new value", () => {
    const update = dataRef<boolean>("state_visibility").update(true);
    expect(update).toBeInstanceOf(DataUpdate);
    expect([update.key, update.value]).toEqual(["state_visibility", true]);
  });
});
