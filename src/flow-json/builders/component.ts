/**
 * The one step every component builder shares: the `type` first, then the options converted to wire
 * keys and values. The builders' option types are derived from the wire types (see `authoring.ts`),
 * which is what makes the result a valid instance of the wire type `W`.
 */
import type { Component } from "../types.js";
import { toWireOptions } from "./wire-value.js";

/**
 * The wire object `{ type, ...options }` with keys in kebab-case and expressions rendered.
 *
 * @example
 * buildComponent<TextHeading>("TextHeading", { text: "Our Terms" }); // { type: "TextHeading", text: "Our Terms" }
 */
export function buildComponent<W extends Component>(type: W["type"], options: object): W {
  return { type, ...toWireOptions(options) } as unknown as W;
}
