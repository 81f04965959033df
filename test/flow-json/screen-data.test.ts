import { describe, expect, it } from "vitest";
import {
  DataRef,
  InvalidDataExampleError,
  dataSourceItem,
  defineScreenData,
  fieldSchema,
  formRef,
  inferDataSchema,
  isScreenData,
  navigate,
  navigationItem,
  screenDataModel,
  updateData,
} from "../../src/flow-json/index.js";

function exampleErrorOf(build: () => unknown): InvalidDataExampleError {
  try {
    build();
  } catch (error) {
    if (error instanceof InvalidDataExampleError) return error;
    throw error;
  }
  throw new Error("expected an InvalidDataExampleError");
}

describe("inferDataSchema", () => {
  it("infers primitives, booleans before numbers", () => {
    expect(inferDataSchema("John")).toStrictEqual({ type: "string" });
    expect(inferDataSchema(true)).toStrictEqual({ type: "boolean" });
    expect(inferDataSchema(1.5)).toStrictEqual({ type: "number" });
  });

  it("infers arrays from their first item only", () => {
    expect(inferDataSchema(["a", 1])).toStrictEqual({ type: "array", items: { type: "string" } });
    expect(inferDataSchema([{ id: "1", title: "USA" }, { other: 1 }])).toStrictEqual({
      type: "array",
      items: { type: "object", properties: { id: { type: "string" }, title: { type: "string" } } },
    });
  });

  it("infers objects from their non-null properties, recursively", () => {
    expect(
      inferDataSchema({ name: "x", gone: null, address: { city: "Paris", zip: [75001] } }),
    ).toStrictEqual({
      type: "object",
      properties: {
        name: { type: "string" },
        address: {
          type: "object",
          properties: { city: { type: "string" }, zip: { type: "array", items: { type: "number" } } },
        },
      },
    });
  });

  it("leaves data-source item actions out of properties, with kebab keys", () => {
    const item = dataSourceItem({
      id: "1",
      title: "USA",
      altText: "Flag",
      onSelectAction: updateData({ visible: true }),
      onUnselectAction: updateData({ visible: false }),
    });
    expect(inferDataSchema([item])).toStrictEqual({
      type: "array",
      items: {
        type: "object",
        properties: { id: { type: "string" }, title: { type: "string" }, "alt-text": { type: "string" } },
      },
    });
  });

  it("leaves navigation item start, end, badge, tags and action out of properties", () => {
    const item = navigationItem({
      id: "home",
      mainContent: { title: "Home", description: "Cover" },
      start: { image: "AAA=" },
      end: { title: "$1" },
      badge: "New",
      tags: ["a"],
      onClickAction: navigate("HOME"),
    });
    expect(inferDataSchema([item])).toStrictEqual({
      type: "array",
      items: {
        type: "object",
        properties: {
          id: { type: "string" },
          "main-content": {
            type: "object",
            properties: { title: { type: "string" }, description: { type: "string" } },
          },
        },
      },
    });
  });

  it("refuses examples it cannot infer from, naming where", () => {
    const cases: [unknown, string, string][] = [
      [
        [],
        "example",
        "The example at example is an empty array; give at least one item to infer the items from.",
      ],
      [
        [["a"]],
        "example[0]",
        "The example at example[0] is an array inside an array; give an explicit fieldSchema.",
      ],
      [null, "example", "The example at example is null; give a string, number, boolean, array or object."],
      [
        { a: [Number.NaN] },
        "example.a[0]",
        "The example at example.a[0] is not a finite number; give a finite number.",
      ],
      [
        { ref: formRef("x") },
        "example.ref",
        "The example at example.ref is a ref or expression; give a string, number, boolean, array or object.",
      ],
    ];
    for (const [example, path, message] of cases) {
      const error = exampleErrorOf(() => inferDataSchema(example));
      expect(error._tag).toBe("InvalidDataExampleError");
      expect(error.path).toBe(path);
      expect(error.message).toBe(message);
    }
  });
});

describe("defineScreenData", () => {
  it("declares each field with its schema and example, and hands out refs", () => {
    const data = defineScreenData({
      welcome: "Welcome back!",
      default_email: "johndoe@gmail.com",
      visible: false,
      age: fieldSchema({ type: "integer", minimum: 0, __example__: 30 }),
    });
    expect(screenDataModel(data)).toStrictEqual({
      welcome: { type: "string", __example__: "Welcome back!" },
      default_email: { type: "string", __example__: "johndoe@gmail.com" },
      visible: { type: "boolean", __example__: false },
      age: { type: "integer", minimum: 0, __example__: 30 },
    });
    expect(data.welcome).toBeInstanceOf(DataRef);
    expect(String(data.default_email)).toBe("${data.default_email}");
    expect(String(data.age.gt(18))).toBe("`(${data.age} > 18)`");
    expect(Object.keys(data)).toEqual(["welcome", "default_email", "visible", "age"]);
    expect(isScreenData(data)).toBe(true);
    expect(isScreenData({})).toBe(false);
  });

  it("keeps skipped keys in the example and leaves undefined entries out of it", () => {
    const item = dataSourceItem({ id: "1", title: "USA", onSelectAction: updateData({ visible: true }) });
    const data = defineScreenData({ countries: [item], profile: { name: "Ann", nickname: undefined } });
    const model = screenDataModel(data);
    expect(model.countries?.__example__).toStrictEqual([
      { id: "1", title: "USA", "on-select-action": { name: "update_data", payload: { visible: true } } },
    ]);
    expect(model.profile).toStrictEqual({
      type: "object",
      properties: { name: { type: "string" } },
      __example__: { name: "Ann" },
    });
  });

  it("declares nothing for an empty object", () => {
    expect(screenDataModel(defineScreenData({}))).toStrictEqual({});
  });

  it("reports the field of a bad example", () => {
    const error = exampleErrorOf(() => defineScreenData({ states: [] }));
    expect(error.path).toBe("states");
  });
});
