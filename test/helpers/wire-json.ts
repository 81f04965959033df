/**
 * Assertions that a built value is plain wire JSON: surviving a JSON round trip unchanged means no
 * `undefined` entries, no class instances (refs, expressions) and nothing JSON cannot hold.
 *
 * @example
 * expectWireJson(textInput({ name: "email", label: "Email" }));
 */
import { expect } from "vitest";

/** Fails unless `value` deep-equals its own JSON round trip (undefined entries and prototypes count). */
export function expectWireJson(value: unknown): void {
  expect(value).toStrictEqual(JSON.parse(JSON.stringify(value)));
}

/** The JSON round trip of `value`: what Meta would receive. */
export function wire(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}
