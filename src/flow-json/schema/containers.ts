/**
 * Schemas of the components that hold other components (If, Switch, Form) and of `Component`, the
 * union of every component discriminated by `type`. The containers recurse through `ComponentSchema`.
 *
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#if
 */
import { Schema } from "effect";
import { componentKeyOrder } from "../canonical-order.js";
import type { Component } from "../types.js";
import { leafComponentSchemas } from "./components.js";
import { BindingSchema, JsonObjectSchema, StringSchema, dynamic, orderedStruct } from "./primitives.js";

/** A list of components, decoded lazily so that containers can nest. */
const children = Schema.Array(Schema.suspend((): Schema.Codec<Component> => ComponentSchema));

/** `{ "type": "If", "condition": "...", "then": [...], "else"?: [...] }` (Flow JSON 4.0+). */
export const IfSchema = orderedStruct(componentKeyOrder.If, {
  type: Schema.Literal("If"),
  condition: StringSchema,
  then: children,
  else: Schema.optionalKey(children),
});

/** `{ "type": "Switch", "value": "${...}", "cases": { "<value>": [...] } }` (Flow JSON 4.0+). */
export const SwitchSchema = orderedStruct(componentKeyOrder.Switch, {
  type: Schema.Literal("Switch"),
  value: BindingSchema,
  cases: Schema.Record(Schema.String, children),
});

/** `{ "type": "Form", "name": "...", "children": [...] }` with optional form-level init values and errors. */
export const FormSchema = orderedStruct(componentKeyOrder.Form, {
  type: Schema.Literal("Form"),
  name: StringSchema,
  "init-values": Schema.optionalKey(dynamic(JsonObjectSchema)),
  "error-messages": Schema.optionalKey(dynamic(JsonObjectSchema)),
  children,
});

/** The union of every component, as inferred from the member schemas (checked against `Component`). */
export const componentUnion = Schema.Union([
  ...leafComponentSchemas,
  IfSchema,
  SwitchSchema,
  FormSchema,
]).annotate({
  expected: "a component object with a `type`",
  title: "component type",
});

/**
 * Any component a layout, Form, If or Switch may hold, discriminated by `type`.
 *
 * @example
 * Schema.decodeUnknownSync(ComponentSchema)({ type: "TextHeading", text: "Welcome" });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components
 */
export const ComponentSchema: Schema.Codec<Component> = componentUnion;
