import { describe, expect, it } from "vitest";
import {
  complete,
  dataExchange,
  navigate,
  openUrl,
  plugin,
  updateData,
} from "../../../src/flow-json/builders/actions.js";
import { dataSourceItem } from "../../../src/flow-json/builders/selection.js";
import { screen } from "../../../src/flow-json/builders/screen.js";
import { dataRef, formRef } from "../../../src/flow-json/refs.js";
import { expectWireJson } from "../../helpers/wire-json.js";

describe("navigate", () => {
  it("goes to a screen by id or by the built screen, with an empty payload by default", () => {
    const target = screen({ id: "SIGN_UP", layout: [] });
    const expected = { name: "navigate", next: { type: "screen", name: "SIGN_UP" }, payload: {} };
    expect(navigate("SIGN_UP")).toStrictEqual(expected);
    expect(navigate(target)).toStrictEqual(expected);
  });

  it("opens a plugin and carries a payload with refs", () => {
    expect(navigate(plugin("payments"), { body: "Example", email: formRef("email") })).toStrictEqual({
      name: "navigate",
      next: { type: "plugin", name: "payments" },
      payload: { body: "Example", email: "${form.email}" },
    });
  });
});

describe("payload actions", () => {
  it("render refs and expressions, keep keys as written and drop undefined entries", () => {
    const action = dataExchange({
      first_name: formRef("first_name"),
      "odd-key": 1,
      adult: formRef<number>("age").gte(18),
      nested: { list: [dataRef<string>("a"), null, false, 0] },
      skipped: undefined,
    });
    expect(action).toStrictEqual({
      name: "data_exchange",
      payload: {
        first_name: "${form.first_name}",
        "odd-key": 1,
        adult: "`(${form.age} >= 18)`",
        nested: { list: ["${data.a}", null, false, 0] },
      },
    });
    expectWireJson(action);
  });

  it("complete with or without a payload", () => {
    expect(complete()).toStrictEqual({ name: "complete", payload: {} });
    expect(complete({ ok: true })).toStrictEqual({ name: "complete", payload: { ok: true } });
  });
});

describe("updateData", () => {
  it("takes a payload object, items included", () => {
    expect(
      updateData({ states: [dataSourceItem({ id: "ny", title: "New York" })], visible: true }),
    ).toStrictEqual({
      name: "update_data",
      payload: { states: [{ id: "ny", title: "New York" }], visible: true },
    });
  });

  it("takes typed updates of data refs, even one that looks like a payload", () => {
    expect(
      updateData(dataRef<boolean>("state_visibility").update(false), dataRef<string>("key").update("value")),
    ).toStrictEqual({ name: "update_data", payload: { state_visibility: false, key: "value" } });
    expect(updateData({ key: "k", value: "v" })).toStrictEqual({
      name: "update_data",
      payload: { key: "k", value: "v" },
    });
  });
});

describe("openUrl", () => {
  it("has a url and no payload", () => {
    expect(openUrl("https://example.com")).toStrictEqual({ name: "open_url", url: "https://example.com" });
  });
});
