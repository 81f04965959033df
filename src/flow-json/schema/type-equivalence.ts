/**
 * Compile-time proof that the Flow JSON schemas decode to exactly the wire types of `types.ts`: each
 * schema's `Type` and its wire type are assignable to each other. Recursive positions (a container's
 * children, a nested data field) are typed by the wire type itself and checked where they are defined.
 * This module has no run-time content.
 */
import type * as Wire from "../types.js";
import type * as Actions from "./actions.js";
import type * as Components from "./components.js";
import type * as Containers from "./containers.js";
import type * as Document from "./document.js";
import type * as Items from "./items.js";
import type { StringSchema } from "./primitives.js";
import type * as Screen from "./screen.js";

/** `true` when `A` and `B` are assignable to each other, `false` otherwise. */
type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Every key of every member of a union. */
type KeysOfMembers<T> = T extends unknown ? keyof T : never;

/**
 * `true` when `A` and `B` are mutually assignable and declare the same keys (mutual assignability
 * alone would let an optional property exist on one side only). Records (index signatures) are
 * compared with `MutuallyAssignable`, since their key sets are `string` on both sides.
 */
type Equivalent<A, B> =
  MutuallyAssignable<A, B> extends true ? MutuallyAssignable<KeysOfMembers<A>, KeysOfMembers<B>> : false;

/** Fails to compile unless `T` is `true`. */
type Assert<T extends true> = T;

/** The decoded type of schema `S`. */
type TypeOf<S extends { readonly Type: unknown }> = S["Type"];

export type SchemaMatchesWireTypes = [
  Assert<Equivalent<TypeOf<typeof Document.FlowJsonSchema>, Wire.FlowJson>>,
  Assert<MutuallyAssignable<TypeOf<typeof Document.RoutingModelSchema>, Wire.RoutingModel>>,
  Assert<Equivalent<TypeOf<typeof Screen.ScreenSchema>, Wire.Screen>>,
  Assert<Equivalent<TypeOf<typeof Screen.LayoutSchema>, Wire.Layout>>,
  Assert<MutuallyAssignable<TypeOf<typeof Screen.dataFieldStruct>, Wire.DataFieldSchema>>,
  Assert<MutuallyAssignable<TypeOf<typeof Screen.ScreenDataModelSchema>, Wire.ScreenDataModel>>,
  Assert<Equivalent<TypeOf<typeof Containers.componentUnion>, Wire.Component>>,
  Assert<Equivalent<TypeOf<typeof Containers.IfSchema>, Wire.If>>,
  Assert<Equivalent<TypeOf<typeof Containers.SwitchSchema>, Wire.Switch>>,
  Assert<Equivalent<TypeOf<typeof Containers.FormSchema>, Wire.Form>>,
  Assert<Equivalent<TypeOf<typeof Components.TextHeadingSchema>, Wire.TextHeading>>,
  Assert<Equivalent<TypeOf<typeof Components.TextSubheadingSchema>, Wire.TextSubheading>>,
  Assert<Equivalent<TypeOf<typeof Components.TextBodySchema>, Wire.TextBody>>,
  Assert<Equivalent<TypeOf<typeof Components.TextCaptionSchema>, Wire.TextCaption>>,
  Assert<Equivalent<TypeOf<typeof Components.RichTextSchema>, Wire.RichText>>,
  Assert<Equivalent<TypeOf<typeof Components.TextInputSchema>, Wire.TextInput>>,
  Assert<Equivalent<TypeOf<typeof Components.TextAreaSchema>, Wire.TextArea>>,
  Assert<Equivalent<TypeOf<typeof Components.CheckboxGroupSchema>, Wire.CheckboxGroup>>,
  Assert<Equivalent<TypeOf<typeof Components.RadioButtonsGroupSchema>, Wire.RadioButtonsGroup>>,
  Assert<Equivalent<TypeOf<typeof Components.DropdownSchema>, Wire.Dropdown>>,
  Assert<Equivalent<TypeOf<typeof Components.ChipsSelectorSchema>, Wire.ChipsSelector>>,
  Assert<Equivalent<TypeOf<typeof Components.FooterSchema>, Wire.Footer>>,
  Assert<Equivalent<TypeOf<typeof Components.OptInSchema>, Wire.OptIn>>,
  Assert<Equivalent<TypeOf<typeof Components.EmbeddedLinkSchema>, Wire.EmbeddedLink>>,
  Assert<Equivalent<TypeOf<typeof Components.DatePickerSchema>, Wire.DatePicker>>,
  Assert<Equivalent<TypeOf<typeof Components.CalendarPickerSchema>, Wire.CalendarPicker>>,
  Assert<Equivalent<TypeOf<typeof Components.ImageSchema>, Wire.Image>>,
  Assert<Equivalent<TypeOf<typeof Components.ImageCarouselSchema>, Wire.ImageCarousel>>,
  Assert<Equivalent<TypeOf<typeof Components.PhotoPickerSchema>, Wire.PhotoPicker>>,
  Assert<Equivalent<TypeOf<typeof Components.DocumentPickerSchema>, Wire.DocumentPicker>>,
  Assert<Equivalent<TypeOf<typeof Components.NavigationListSchema>, Wire.NavigationList>>,
  Assert<Equivalent<TypeOf<typeof Items.DataSourceItemSchema>, Wire.DataSourceItem>>,
  Assert<Equivalent<TypeOf<typeof Items.NavigationListItemSchema>, Wire.NavigationListItem>>,
  Assert<
    Equivalent<
      TypeOf<typeof Items.NavigationListItemSchema>["main-content"],
      Wire.NavigationListItem["main-content"]
    >
  >,
  Assert<
    Equivalent<
      NonNullable<TypeOf<typeof Items.NavigationListItemSchema>["start"]>,
      NonNullable<Wire.NavigationListItem["start"]>
    >
  >,
  Assert<
    Equivalent<
      NonNullable<TypeOf<typeof Items.NavigationListItemSchema>["end"]>,
      NonNullable<Wire.NavigationListItem["end"]>
    >
  >,
  Assert<
    Equivalent<
      TypeOf<ReturnType<typeof Items.calendarRange<typeof StringSchema>>>,
      Wire.CalendarRange<string>
    >
  >,
  Assert<Equivalent<TypeOf<typeof Items.ImageCarouselItemSchema>, Wire.ImageCarouselItem>>,
  Assert<Equivalent<TypeOf<typeof Actions.NextTargetSchema>, Wire.NextTarget>>,
  Assert<Equivalent<TypeOf<typeof Actions.NavigateActionSchema>, Wire.NavigateAction>>,
  Assert<Equivalent<TypeOf<typeof Actions.DataExchangeActionSchema>, Wire.DataExchangeAction>>,
  Assert<Equivalent<TypeOf<typeof Actions.CompleteActionSchema>, Wire.CompleteAction>>,
  Assert<Equivalent<TypeOf<typeof Actions.UpdateDataActionSchema>, Wire.UpdateDataAction>>,
  Assert<Equivalent<TypeOf<typeof Actions.OpenUrlActionSchema>, Wire.OpenUrlAction>>,
  Assert<Equivalent<TypeOf<typeof Actions.ActionSchema>, Wire.Action>>,
  Assert<Equivalent<TypeOf<typeof Actions.FooterActionSchema>, Wire.Footer["on-click-action"]>>,
];
