import { describe, expect, it } from "vitest";
import type { Screen } from "../../src/flow-json/types.js";
import { checkScreenData } from "../../src/machine/index.js";

const screen: Screen = {
  id: "S",
  data: {
    name: { type: "string", __example__: "Ada" },
    age: { type: "integer", __example__: 36 },
    score: { type: "number", __example__: 1.5 },
    active: { type: "boolean", __example__: true },
    tags: { type: "array", items: { type: "string" }, __example__: ["a"] },
    address: {
      type: "object",
      properties: { city: { type: "string" }, zip: { type: "string" } },
      required: ["city"],
      __example__: { city: "London" },
    },
  },
  layout: { type: "SingleColumnLayout", children: [] },
};

const valid = { name: "Ada", age: 36, score: 1.5, active: true, tags: ["x"], address: { city: "London" } };

describe("checkScreenData", () => {
  it("accepts data that matches the declaration, with a snackbar message", () => {
    expect(checkScreenData(screen, { ...valid, error_message: "Oops" }, { partial: false })).toEqual([]);
  });

  it("reports every mismatch, nested ones included", () => {
    const problems = checkScreenData(
      screen,
      {
        name: 1,
        age: 1.5,
        score: "high",
        active: null,
        tags: ["x", 2],
        address: { zip: 3 },
        extra: true,
        error_message: 5,
      },
      { partial: false },
    );
    expect(problems).toEqual([
      "'name' must be a string, got number",
      "'age' must be an integer, got number",
      "'score' must be a number, got string",
      "'active' must be a boolean, got null",
      "'tags[1]' must be a string, got number",
      "'address.zip' must be a string, got number",
      "'address.city' is missing",
      "'extra' is not declared in the screen's data",
      "'error_message' must be a string",
    ]);
  });

  it("requires every declared field, except in a partial refresh", () => {
    expect(checkScreenData(screen, { name: "Ada" }, { partial: false })).toEqual([
      "'age' is missing",
      "'score' is missing",
      "'active' is missing",
      "'tags' is missing",
      "'address' is missing",
    ]);
    expect(checkScreenData(screen, { name: "Ada" }, { partial: true })).toEqual([]);
  });

  it("takes a screen without a data declaration as accepting only a snackbar", () => {
    const bare: Screen = { id: "B", layout: { type: "SingleColumnLayout", children: [] } };
    expect(checkScreenData(bare, { error_message: "Try again" }, { partial: false })).toEqual([]);
    expect(checkScreenData(bare, { x: 1 }, { partial: false })).toEqual([
      "'x' is not declared in the screen's data",
    ]);
  });
});
