/**
 * Schemas of the five Flow JSON actions and of the action sets each component accepts, discriminated
 * by `name`.
 *
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#actions
 */
import { Schema } from "effect";
import { actionKeyOrder, nextKeyOrder } from "../canonical-order.js";
import { JsonObjectSchema, StringSchema, oneOfLiterals, orderedStruct } from "./primitives.js";

type ActionKey = (typeof actionKeyOrder)[number];

/** The canonical order restricted to the keys an action declares. */
function actionOrder<const K extends ActionKey>(keys: readonly K[]): K[] {
  return actionKeyOrder.filter((key): key is K => (keys as readonly ActionKey[]).includes(key));
}

/** `next` of a `navigate` action: `{ "name": "SCREEN_ID", "type": "screen" }` (or a plugin). */
export const NextTargetSchema = orderedStruct(nextKeyOrder, {
  name: StringSchema,
  type: oneOfLiterals(["screen", "plugin"]),
});

/** `{ "name": "navigate", "next": {...}, "payload"?: {...} }` */
export const NavigateActionSchema = orderedStruct(actionOrder(["name", "next", "payload"]), {
  name: Schema.Literal("navigate"),
  next: NextTargetSchema,
  payload: Schema.optionalKey(JsonObjectSchema),
});

/** `{ "name": "data_exchange", "payload"?: {...} }` */
export const DataExchangeActionSchema = orderedStruct(actionOrder(["name", "payload"]), {
  name: Schema.Literal("data_exchange"),
  payload: Schema.optionalKey(JsonObjectSchema),
});

/** `{ "name": "complete", "payload"?: {...} }` */
export const CompleteActionSchema = orderedStruct(actionOrder(["name", "payload"]), {
  name: Schema.Literal("complete"),
  payload: Schema.optionalKey(JsonObjectSchema),
});

/** `{ "name": "update_data", "payload": {...} }` (Flow JSON 6.0+). */
export const UpdateDataActionSchema = orderedStruct(actionOrder(["name", "payload"]), {
  name: Schema.Literal("update_data"),
  payload: JsonObjectSchema,
});

/** `{ "name": "open_url", "url": "https://..." }` (Flow JSON 6.0+). */
export const OpenUrlActionSchema = orderedStruct(actionOrder(["name", "url"]), {
  name: Schema.Literal("open_url"),
  url: StringSchema,
});

/** A union of actions; decoding reports an unknown or misplaced `name` with the names allowed there. */
function actions<const Members extends readonly Schema.Top[]>(members: Members): Schema.Union<Members> {
  return Schema.Union(members).annotate({ expected: "an action object with a `name`", title: "action name" });
}

/** Any of the five actions. */
export const ActionSchema = actions([
  NavigateActionSchema,
  DataExchangeActionSchema,
  CompleteActionSchema,
  UpdateDataActionSchema,
  OpenUrlActionSchema,
]);

/** Footer `on-click-action`. */
export const FooterActionSchema = actions([
  CompleteActionSchema,
  DataExchangeActionSchema,
  NavigateActionSchema,
]);

/** `on-select-action` of list components and data-source items. */
export const SelectActionSchema = actions([DataExchangeActionSchema, UpdateDataActionSchema]);

/** `on-unselect-action`, and OptIn's `on-select-action`. */
export const UpdateOnlyActionSchema = actions([UpdateDataActionSchema]);

/** `on-select-action` of DatePicker and CalendarPicker. */
export const DataExchangeOnlyActionSchema = actions([DataExchangeActionSchema]);

/** OptIn "Read more" `on-click-action`. */
export const OptInClickActionSchema = actions([
  DataExchangeActionSchema,
  NavigateActionSchema,
  OpenUrlActionSchema,
]);

/** EmbeddedLink `on-click-action`. */
export const EmbeddedLinkActionSchema = actions([
  DataExchangeActionSchema,
  NavigateActionSchema,
  OpenUrlActionSchema,
  UpdateDataActionSchema,
]);

/** NavigationList `on-click-action`, at list or item level. */
export const NavigationActionSchema = actions([NavigateActionSchema, DataExchangeActionSchema]);
