import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { defineScreenData, inferDataSchema, screenDataModel } from "../../src/flow-json/screen-data.js";
import type { DataFieldSchema } from "../../src/flow-json/types.js";

/** A JSON shape: what every value generated from it has in common. */
type Shape =
  | { readonly kind: "string" | "number" | "boolean" }
  | { readonly kind: "array"; readonly items: Shape }
  | { readonly kind: "object"; readonly properties: readonly (readonly [string, Shape])[] };

const key = fc.stringMatching(/^[a-z][a-z_]{0,8}$/);

const shape: fc.Memo<Shape> = fc.memo((depth) => {
  const primitive = fc.constantFrom<Shape>({ kind: "string" }, { kind: "number" }, { kind: "boolean" });
  if (depth <= 1) return primitive;
  const itemShape = shape(depth - 1).filter((inner) => inner.kind !== "array");
  return fc.oneof(
    primitive,
    itemShape.map((items): Shape => ({ kind: "array", items })),
    fc
      .uniqueArray(fc.tuple(key, shape(depth - 1)), { selector: ([name]) => name, maxLength: 4 })
      .map((properties): Shape => ({ kind: "object", properties })),
  );
});

function valueOf(of: Shape): fc.Arbitrary<unknown> {
  switch (of.kind) {
    case "string":
      return fc.string();
    case "number":
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case "boolean":
      return fc.boolean();
    case "array":
      return fc.array(valueOf(of.items), { minLength: 1, maxLength: 3 });
    case "object":
      return fc.record(Object.fromEntries(of.properties.map(([name, inner]) => [name, valueOf(inner)])));
  }
}

const example = shape(4).chain(valueOf);

/** True when `value` matches `schema` (type, array items, object properties). */
function satisfies(schema: DataFieldSchema, value: unknown): boolean {
  switch (schema.type) {
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
    case "number":
    case "integer":
      return typeof value === "number";
    case "array":
      return (
        Array.isArray(value) &&
        value.every((item) => typeof schema.items !== "object" || satisfies(schema.items, item))
      );
    case "object":
      return (
        typeof value === "object" &&
        value !== null &&
        !Array.isArray(value) &&
        Object.entries(schema.properties ?? {}).every(([name, property]) =>
          satisfies(property, (value as Record<string, unknown>)[name]),
        )
      );
  }
}

describe("screen data inference", () => {
  it("gives a schema the example satisfies", () => {
    fc.assert(
      fc.property(example, (value) => {
        expect(satisfies(inferDataSchema(value), value)).toBe(true);
      }),
    );
  });

  it("uses only type, items and properties, with one of Meta's types", () => {
    const keywords = new Set(["type", "items", "properties"]);
    const check = (schema: DataFieldSchema): void => {
      expect(["string", "number", "boolean", "array", "object"]).toContain(schema.type);
      for (const keyword of Object.keys(schema)) expect(keywords.has(keyword)).toBe(true);
      if (typeof schema.items === "object") check(schema.items);
      for (const property of Object.values(schema.properties ?? {})) check(property);
    };
    fc.assert(fc.property(example, (value) => check(inferDataSchema(value))));
  });

  it("declares each field with its example as JSON, next to the inferred schema", () => {
    fc.assert(
      fc.property(fc.dictionary(key, example, { maxKeys: 4 }), (fields) => {
        const model = screenDataModel(defineScreenData(fields));
        expect(Object.keys(model)).toEqual(Object.keys(fields));
        for (const [field, value] of Object.entries(fields)) {
          const { __example__, ...schema } = model[field] ?? { type: "string" };
          expect(JSON.stringify(__example__)).toBe(JSON.stringify(value));
          expect(schema).toStrictEqual(inferDataSchema(value));
        }
      }),
    );
  });
});
