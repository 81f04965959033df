/**
 * Properties of decoding and encoding over arbitrary documents generated from the Flow JSON schema
 * itself (every component, action, item and data-model shape, with model keys shuffled).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  FlowJsonSchema,
  componentKeyOrder,
  decodeFlowJson,
  encodeFlowJson,
  flowJsonKeyOrder,
  formatFlowJson,
  screenKeyOrder,
} from "../../src/flow-json/index.js";
import { arbitraryFromSchema } from "../helpers/schema-arbitrary.js";

const documents = arbitraryFromSchema(FlowJsonSchema.ast, { maxDepth: 3, maxLength: 3 });

type JsonRecord = Record<string, unknown>;

/** True when `keys` appear in the same relative order as in `order`. */
function followsOrder(keys: readonly string[], order: readonly string[]): boolean {
  const positions = keys.map((key) => order.indexOf(key));
  return positions.every(
    (position, index) => position >= 0 && (index === 0 || position > (positions[index - 1] ?? -1)),
  );
}

/** Every component of an encoded document, containers included, wherever it is nested. */
function componentsOf(list: unknown, found: JsonRecord[] = []): JsonRecord[] {
  for (const component of list as JsonRecord[]) {
    found.push(component);
    for (const key of ["children", "then", "else"])
      if (Array.isArray(component[key])) componentsOf(component[key], found);
    if (component.type === "Switch")
      for (const branch of Object.values(component.cases as JsonRecord)) componentsOf(branch, found);
  }
  return found;
}

describe("decode and encode", () => {
  it("decode(x) and encode(decode(x)) deep-equal x", () => {
    fc.assert(
      fc.property(documents, (document) => {
        const decoded = decodeFlowJson(document);
        expect(decoded).toEqual(document);
        expect(encodeFlowJson(decoded)).toEqual(document);
      }),
      { numRuns: 300 },
    );
  });

  it("formatting is idempotent and loses nothing", () => {
    fc.assert(
      fc.property(documents, (document) => {
        const text = formatFlowJson(decodeFlowJson(document));
        expect(formatFlowJson(text)).toBe(text);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(document)));
      }),
      { numRuns: 200 },
    );
  });

  it("writes the document, screens and every component in canonical key order", () => {
    fc.assert(
      fc.property(documents, (document) => {
        const encoded = encodeFlowJson(decodeFlowJson(document)) as JsonRecord;
        expect(followsOrder(Object.keys(encoded), flowJsonKeyOrder)).toBe(true);
        for (const screen of encoded.screens as JsonRecord[]) {
          expect(followsOrder(Object.keys(screen), screenKeyOrder)).toBe(true);
          for (const component of componentsOf((screen.layout as JsonRecord).children)) {
            const order = componentKeyOrder[component.type as keyof typeof componentKeyOrder];
            expect(followsOrder(Object.keys(component), order)).toBe(true);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
