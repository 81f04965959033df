import { describe, expect, it } from "vitest";
import {
  FlowJsonDecodeError,
  componentKeyOrder,
  encodeFlowJson,
  formatFlowJson,
  type FlowJson,
} from "../../src/flow-json/index.js";

/** A two-screen endpoint flow whose every object has its keys out of canonical order. */
const scrambled = {
  screens: [
    {
      layout: {
        children: [
          {
            "init-value": "${data.email}",
            required: true,
            "input-type": "email",
            label: "Email",
            name: "email",
            type: "TextInput",
          },
          {
            cases: { later: [{ text: "Later", type: "TextBody" }], now: [{ text: "Now", type: "TextBody" }] },
            value: "${data.when}",
            type: "Switch",
          },
          {
            "on-click-action": {
              payload: { zeta: "${form.email}", alpha: 1 },
              next: { type: "screen", name: "DONE" },
              name: "navigate",
            },
            label: "Next",
            type: "Footer",
          },
        ],
        type: "SingleColumnLayout",
      },
      data: {
        when: { __example__: "now", type: "string" },
        email: { type: "string", __example__: "ada@example.com" },
      },
      title: "Start",
      id: "START",
    },
    {
      layout: {
        children: [{ "on-click-action": { payload: {}, name: "complete" }, label: "Done", type: "Footer" }],
        type: "SingleColumnLayout",
      },
      success: true,
      terminal: true,
      id: "DONE",
    },
  ],
  routing_model: { START: ["DONE"], DONE: [] },
  data_api_version: "3.0",
  version: "7.3",
} as unknown as FlowJson;

describe("encodeFlowJson", () => {
  const encoded = encodeFlowJson(scrambled) as unknown as {
    screens: ({ layout: { children: Record<string, unknown>[] } } & Record<string, unknown>)[];
  } & Record<string, unknown>;
  const [start, done] = encoded.screens;
  const children = start?.layout.children ?? [];

  it("returns a fresh object equal to the input", () => {
    expect(encoded).toEqual(scrambled);
    expect(encoded).not.toBe(scrambled);
    expect(encoded.screens).not.toBe(scrambled.screens);
    expect(children[2]?.["on-click-action"]).not.toBe(
      (scrambled.screens[0]?.layout.children[2] as unknown as Record<string, unknown>)["on-click-action"],
    );
  });

  it("writes the top level, screens and layouts in canonical order", () => {
    expect(Object.keys(encoded)).toEqual(["version", "data_api_version", "routing_model", "screens"]);
    expect(Object.keys(start ?? {})).toEqual(["id", "title", "data", "layout"]);
    expect(Object.keys(done ?? {})).toEqual(["id", "terminal", "success", "layout"]);
    expect(Object.keys(start?.layout ?? {})).toEqual(["type", "children"]);
  });

  it("writes components in their reference order, type first", () => {
    expect(Object.keys(children[0] ?? {})).toEqual([
      "type",
      "name",
      "label",
      "input-type",
      "required",
      "init-value",
    ]);
    expect(Object.keys(children[1] ?? {})).toEqual(["type", "value", "cases"]);
    expect(Object.keys(children[2] ?? {})).toEqual(["type", "label", "on-click-action"]);
    for (const child of children) {
      const order = componentKeyOrder[child.type as keyof typeof componentKeyOrder] as readonly string[];
      expect(Object.keys(child).map((key) => order.indexOf(key))).toEqual(
        Object.keys(child)
          .map((key) => order.indexOf(key))
          .sort((a, b) => a - b),
      );
    }
  });

  it("writes actions as name, next, payload and next as name, type", () => {
    const action = children[2]?.["on-click-action"] as Record<string, Record<string, unknown>>;
    expect(Object.keys(action)).toEqual(["name", "next", "payload"]);
    expect(Object.keys(action.next ?? {})).toEqual(["name", "type"]);
  });

  it("keeps user data in the order it was written", () => {
    const action = children[2]?.["on-click-action"] as Record<string, Record<string, unknown>>;
    expect(Object.keys(action.payload ?? {})).toEqual(["zeta", "alpha"]);
    expect(Object.keys(encoded.routing_model as object)).toEqual(["START", "DONE"]);
    expect(Object.keys(children[1]?.cases as object)).toEqual(["later", "now"]);
    const data = start?.data as Record<string, object>;
    expect(Object.keys(data)).toEqual(["when", "email"]);
    expect(Object.keys(data.when ?? {})).toEqual(["__example__", "type"]);
  });

  it("keeps a payload key named __proto__ as an ordinary key", () => {
    const text = formatFlowJson(
      JSON.stringify(scrambled).replace(
        '"zeta":"${form.email}"',
        '"__proto__":{"polluted":true},"zeta":"${form.email}"',
      ),
    );
    expect(text).toContain('"__proto__": {\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("refuses a value that does not fit the model, even when cast to FlowJson", () => {
    const bad = {
      version: "7.3",
      screens: [{ id: "A", layout: { type: "Grid", children: [] } }],
    } as unknown as FlowJson;
    expect(() => encodeFlowJson(bad)).toThrow(FlowJsonDecodeError);
    expect(() => encodeFlowJson(bad)).toThrow(
      '/screens/0/layout/type: Expected "SingleColumnLayout", got "Grid".',
    );
  });
});

describe("formatFlowJson", () => {
  it("writes canonical text with a two-space indent and a trailing newline", () => {
    const text = formatFlowJson(scrambled);
    expect(text.endsWith("}\n")).toBe(true);
    expect(
      text.startsWith('{\n  "version": "7.3",\n  "data_api_version": "3.0",\n  "routing_model": {\n'),
    ).toBe(true);
    expect(JSON.parse(text)).toEqual(scrambled);
  });

  it("gives the same text for a document and for its JSON text, and is idempotent", () => {
    const fromObject = formatFlowJson(scrambled);
    expect(formatFlowJson(JSON.stringify(scrambled))).toBe(fromObject);
    expect(formatFlowJson(JSON.stringify(scrambled, null, "\t"))).toBe(fromObject);
    expect(formatFlowJson(fromObject)).toBe(fromObject);
  });
});
