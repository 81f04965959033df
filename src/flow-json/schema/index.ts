/**
 * The Flow JSON schemas (effect `Schema`), one per wire type of `types.ts`. Decode documents through
 * `decodeFlowJson`, which rejects unknown properties and reports JSON pointers.
 */
export {
  ActionSchema,
  CompleteActionSchema,
  DataExchangeActionSchema,
  NavigateActionSchema,
  NextTargetSchema,
  OpenUrlActionSchema,
  UpdateDataActionSchema,
} from "./actions.js";
export * from "./components.js";
export { ComponentSchema, FormSchema, IfSchema, SwitchSchema } from "./containers.js";
export { FlowJsonSchema, RoutingModelSchema } from "./document.js";
export { DataSourceItemSchema, ImageCarouselItemSchema, NavigationListItemSchema } from "./items.js";
export { BindingSchema, JsonObjectSchema, JsonValueSchema } from "./primitives.js";
export { LayoutSchema, ScreenDataFieldSchema, ScreenDataModelSchema, ScreenSchema } from "./screen.js";
