import { describe, it } from "vitest";
import { error, expectRuleCase, oneScreen, type Json, type RuleCase } from "../../helpers/flow-documents.js";

/** A one-screen flow whose screen declares `data` (used by nothing, so only the model is checked). */
const withData = (data: Json) => oneScreen([], {}, { data });

const cases: RuleCase[] = [
  {
    name: "data that is not an object is INVALID_PROPERTY_TYPE",
    bad: withData([]),
    expected: [
      error(
        "INVALID_PROPERTY_TYPE",
        "/screens/0/data",
        "Screen 'data' must be an object of field schemas, not array.",
      ),
    ],
    good: withData({}),
  },
  {
    name: "a field schema that is not an object is INVALID_PROPERTY_TYPE",
    bad: withData({ name: "string" }),
    expected: [
      error(
        "INVALID_PROPERTY_TYPE",
        "/screens/0/data/name",
        "The schema of data field 'name' must be an object with a 'type', not string.",
      ),
    ],
    good: withData({ name: { type: "string", __example__: "Ada" } }),
  },
  {
    name: "a field without type is MISSING_REQUIRED_TYPE_PROPERTY",
    bad: withData({ name: { __example__: "Ada" } }),
    expected: [
      error(
        "MISSING_REQUIRED_TYPE_PROPERTY",
        "/screens/0/data/name",
        "Missing property 'type' in the schema of data field 'name'.",
      ),
    ],
    good: withData({ name: { type: "string", __example__: "Ada" } }),
  },
  {
    name: "an unknown type is INVALID_ENUM_VALUE",
    bad: withData({ name: { type: "text", __example__: "Ada" } }),
    expected: [
      error(
        "INVALID_ENUM_VALUE",
        "/screens/0/data/name/type",
        "Invalid type 'text' for data field 'name'. Allowed values: string, number, integer, boolean, object, array.",
      ),
    ],
    good: withData({ name: { type: "string", __example__: "Ada" } }),
  },
  {
    name: "an array without items is MISSING_REQUIRED_PROPERTY",
    bad: withData({ tags: { type: "array", __example__: ["a"] } }),
    expected: [
      error(
        "MISSING_REQUIRED_PROPERTY",
        "/screens/0/data/tags",
        "Missing property 'items' in the schema of array data field 'tags'.",
      ),
    ],
    good: withData({ tags: { type: "array", items: { type: "string" }, __example__: ["a"] } }),
  },
  {
    name: "items that are neither an object nor a boolean is INVALID_PROPERTY_TYPE",
    bad: withData({ tags: { type: "array", items: "string", __example__: ["a"] } }),
    expected: [
      error(
        "INVALID_PROPERTY_TYPE",
        "/screens/0/data/tags/items",
        "Property 'items' of data field 'tags' must be an object or a boolean, not string.",
      ),
    ],
    good: withData({ tags: { type: "array", items: true, __example__: ["a"] } }),
  },
  {
    name: "a field without __example__ is MISSING_REQUIRED_PROPERTY",
    bad: withData({ name: { type: "string" } }),
    expected: [
      error(
        "MISSING_REQUIRED_PROPERTY",
        "/screens/0/data/name",
        "Missing property '__example__' in data field 'name'. Every data field needs an example value.",
      ),
    ],
    good: withData({ name: { type: "string", __example__: "Ada" } }),
  },
  {
    name: "an __example__ below the top level is INVALID_PROPERTY_KEY",
    bad: withData({
      user: {
        type: "object",
        properties: { name: { type: "string", __example__: "Ada" } },
        __example__: { name: "Ada" },
      },
    }),
    expected: [
      error(
        "INVALID_PROPERTY_KEY",
        "/screens/0/data/user/properties/name/__example__",
        "'__example__' is only allowed at the top level of a data field, not in 'user.name'.",
      ),
    ],
    good: withData({
      user: { type: "object", properties: { name: { type: "string" } }, __example__: { name: "Ada" } },
    }),
  },
  {
    name: "an __example__ of the wrong type is INVALID_SCREEN_DATA",
    bad: withData({ age: { type: "integer", __example__: 41.5 } }),
    expected: [
      error(
        "INVALID_SCREEN_DATA",
        "/screens/0/data/age/__example__",
        "The __example__ of data field 'age' does not match its schema: expected integer, found number.",
      ),
    ],
    good: withData({ age: { type: "integer", __example__: 41 } }),
  },
  {
    name: "a nested __example__ mismatch names its place",
    bad: withData({
      rooms: {
        type: "array",
        items: { type: "object", properties: { id: { type: "string" }, title: { type: "string" } } },
        __example__: [{ id: "1", title: 3 }],
      },
    }),
    expected: [
      error(
        "INVALID_SCREEN_DATA",
        "/screens/0/data/rooms/__example__",
        "The __example__ of data field 'rooms' does not match its schema: expected string at /0/title, found number.",
      ),
    ],
    good: withData({
      rooms: {
        type: "array",
        items: { type: "object", properties: { id: { type: "string" }, title: { type: "string" } } },
        __example__: [{ id: "1", title: "Suite", "on-select-action": { name: "update_data", payload: {} } }],
      },
    }),
  },
  {
    name: "an __example__ missing a required property is INVALID_SCREEN_DATA",
    bad: withData({ user: { type: "object", required: ["id"], __example__: {} } }),
    expected: [
      error(
        "INVALID_SCREEN_DATA",
        "/screens/0/data/user/__example__",
        "The __example__ of data field 'user' does not match its schema: missing required property 'id'.",
      ),
    ],
    good: withData({ user: { type: "object", required: ["id"], __example__: { id: "7" } } }),
  },
];

describe("data model rules", () => {
  it.each(cases)("$name", (rule) => expectRuleCase(rule));
});
