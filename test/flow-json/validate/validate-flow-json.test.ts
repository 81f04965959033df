import { describe, expect, it } from "vitest";
import { hasErrors } from "../../../src/flow-json/diagnostic.js";
import { deriveRoutingModel } from "../../../src/flow-json/validate/routing-model.js";
import { validateFlowJson } from "../../../src/flow-json/validate/validate-flow-json.js";
import {
  chainFlow,
  complete,
  flow,
  footer,
  oneScreen,
  screen,
  terminalScreen,
  textInput,
  type JsonObject,
} from "../../helpers/flow-documents.js";

/** A realistic screen body: data-bound heading and list, inputs, a condition and an expression. */
const busyScreen = (): JsonObject[] => [
  { type: "TextHeading", text: "${data.greeting}" },
  textInput("first_name"),
  { type: "Dropdown", name: "room", label: "Room", "data-source": "${data.rooms}" },
  {
    type: "If",
    condition: "${form.first_name} != ''",
    then: [{ type: "TextBody", text: "`'Hello ' ${form.first_name}`" }],
    else: [{ type: "TextBody", text: "${screen.S_A.data.greeting}" }],
  },
];
const busyData = {
  greeting: { type: "string", __example__: "Welcome" },
  rooms: {
    type: "array",
    items: { type: "object", properties: { id: { type: "string" }, title: { type: "string" } } },
    __example__: [{ id: "1", title: "Suite" }],
  },
};

describe("validateFlowJson", () => {
  it("passes a 100-screen flow with bindings, conditions and global references on every screen", () => {
    const chain = chainFlow(
      100,
      (id) => (id === "S_A" ? busyScreen().slice(0, 3) : busyScreen()),
      () => ({ data: busyData }),
    );
    const document: JsonObject = {
      ...chain,
      data_api_version: "3.0",
      routing_model: deriveRoutingModel(chain) as JsonObject,
    };
    expect((document["screens"] as JsonObject[]).length).toBe(100);
    expect(validateFlowJson(document)).toEqual([]);
  });

  it("leaves warnings out when asked to", () => {
    const document = oneScreen([textInput("email")], {}, { sensitive: ["password"] });
    expect(validateFlowJson(document).map((d) => d.severity)).toEqual(["warning"]);
    expect(validateFlowJson(document, { includeWarnings: false })).toEqual([]);
  });

  it("stops at maxDiagnostics", () => {
    const document = flow([terminalScreen("S_1"), terminalScreen("S_2"), terminalScreen("S_3")]);
    expect(validateFlowJson(document).length).toBeGreaterThan(2);
    expect(validateFlowJson(document, { maxDiagnostics: 2 })).toHaveLength(2);
  });

  it("reports nesting deeper than it descends instead of overflowing the stack", () => {
    let payload: JsonObject = { leaf: "${form.x}" };
    for (let level = 0; level < 5000; level += 1) payload = { next: payload };
    const diagnostics = validateFlowJson(
      flow([screen("ONLY", [footer(complete(payload))], { terminal: true })]),
    );
    const deep = diagnostics.filter((d) => d.code === "NESTING_TOO_DEEP");
    expect(deep).toHaveLength(1);
    expect(deep[0]?.message).toBe("The document nests too deeply here; this part was not checked.");
    expect(
      deep[0]?.pointer.startsWith("/screens/0/layout/children/0/on-click-action/payload/next/next/"),
    ).toBe(true);
  });

  it("reports deeply nested data schemas without overflowing the stack", () => {
    let schema: JsonObject = { type: "string" };
    for (let level = 0; level < 5000; level += 1) schema = { type: "object", properties: { inner: schema } };
    const diagnostics = validateFlowJson(
      oneScreen([], {}, { data: { deep: { ...schema, __example__: {} } } }),
    );
    expect(diagnostics.map((d) => d.code)).toEqual(["NESTING_TOO_DEEP"]);
  });

  it("reads keys such as __proto__ and constructor as plain data", () => {
    const text = `{
      "version": "7.3",
      "routing_model": { "constructor": [], "hasOwnProperty": ["constructor"] },
      "screens": [{ "id": "constructor", "terminal": true, "layout": { "type": "SingleColumnLayout", "children": [
        { "type": "TextHeading", "text": "\${data.toString}", "__proto__": { "polluted": true } },
        { "type": "Footer", "label": "Done", "on-click-action": { "name": "complete", "payload": {} } }
      ] } }]
    }`;
    const diagnostics = validateFlowJson(JSON.parse(text));
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(diagnostics.map((d) => `${d.code} ${d.pointer}`)).toEqual([
      "INVALID_ROUTING_MODEL /routing_model/hasOwnProperty",
      "INVALID_PROPERTY_KEY /screens/0/layout/children/0/__proto__",
      "INVALID_SCREEN_DYNAMIC_DATA /screens/0/layout/children/0/text",
    ]);
    expect(hasErrors(diagnostics)).toBe(true);
  });
});
