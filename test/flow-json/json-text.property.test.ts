/**
 * The syntax-error locator reads JSON by the same grammar as `JSON.parse`: it accepts what the engine
 * accepts, and for text the engine rejects it names a position inside the text (it never falls back
 * to the engine's own message).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FlowJsonSyntaxError, parseJsonText } from "../../src/flow-json/index.js";

/** JSON text with one character removed, replaced or inserted: often broken, sometimes still valid. */
const mutatedJson = fc
  .tuple(
    fc.json({ maxDepth: 3 }),
    fc.nat(),
    fc.constantFrom("delete", "replace", "insert"),
    fc.constantFrom(...'{}[],:"\\ 0-e.tfn\n'),
  )
  .map(([text, at, edit, char]) => {
    const index = text.length === 0 ? 0 : at % text.length;
    if (edit === "delete") return text.slice(0, index) + text.slice(index + 1);
    if (edit === "replace") return text.slice(0, index) + char + text.slice(index + 1);
    return text.slice(0, index) + char + text.slice(index);
  });

describe("parseJsonText against JSON.parse", () => {
  it("accepts exactly the texts JSON.parse accepts and locates every rejection", () => {
    fc.assert(
      fc.property(mutatedJson, (text) => {
        let expected: unknown;
        try {
          expected = JSON.parse(text);
        } catch {
          let caught: unknown;
          try {
            parseJsonText(text);
          } catch (error) {
            caught = error;
          }
          expect(caught).toBeInstanceOf(FlowJsonSyntaxError);
          const error = caught as FlowJsonSyntaxError;
          expect(error.reason).not.toMatch(/SyntaxError/);
          expect(error.offset).toBeGreaterThanOrEqual(0);
          expect(error.offset).toBeLessThanOrEqual(text.length);
          return;
        }
        expect(parseJsonText(text)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
