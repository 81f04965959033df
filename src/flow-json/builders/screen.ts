/**
 * Builders for a screen and its layout.
 *
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#screens
 */
import type { Component, Layout, Screen, ScreenDataModel } from "../types.js";
import type { StringOperand } from "../expressions/expression.js";
import { FormRef } from "../refs.js";
import { isScreenData, type ScreenData, screenDataModel } from "../screen-data.js";
import { toWireValue } from "./wire-value.js";

/** The options of `screen`. */
export interface ScreenOptions<Id extends string> {
  /** Letters and underscores only; `SUCCESS` is reserved. */
  readonly id: Id;
  /** The navigation-bar title; global refs are allowed from 4.0. */
  readonly title?: StringOperand | undefined;
  /** The data the screen receives: a `defineScreenData(...)` declaration or a raw schema map. */
  readonly data?: ScreenData<unknown> | ScreenDataModel | undefined;
  /** The flow may end on this screen; it then needs a Footer. */
  readonly terminal?: boolean | undefined;
  /** Whether ending here counts as success (terminal screens only; Meta's default is true). */
  readonly success?: boolean | undefined;
  /** Ask the endpoint for fresh data when the user comes back to this screen (`refresh_on_back`). */
  readonly refreshOnBack?: boolean | undefined;
  /** Inputs to mask in the completion summary (5.1+): names or input refs. */
  readonly sensitive?: readonly (string | FormRef<unknown>)[] | undefined;
  /** The layout, or just its children. */
  readonly layout: Layout | readonly Component[];
}

/**
 * A `SingleColumnLayout` holding `children` (at most 50 components).
 *
 * @example
 * layout([textHeading("Hello"), footer({ label: "Done", onClickAction: complete() })]);
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#layouts
 */
export function layout(children: readonly Component[]): Layout {
  return { type: "SingleColumnLayout", children: [...children] };
}

function isLayout(value: Layout | readonly Component[]): value is Layout {
  return !Array.isArray(value);
}

/**
 * A screen. Its `id` keeps its literal type, so code that routes between screens can refer to it.
 *
 * @example
 * const signIn = screen({
 *   id: "SIGN_IN",
 *   title: "Sign in",
 *   terminal: true,
 *   data: signInData,
 *   layout: [textSubheading(signInData.welcome), email, password, footer({ label: "Sign in", onClickAction: dataExchange({ email: email.ref }) })],
 * });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowjson#screens
 */
export function screen<const Id extends string>(options: ScreenOptions<Id>): Screen & { readonly id: Id } {
  const { id, title, data, terminal, success, refreshOnBack, sensitive } = options;
  return {
    id,
    ...(title === undefined ? {} : { title: toWireValue(title) as string }),
    ...(data === undefined ? {} : { data: isScreenData(data) ? screenDataModel(data) : data }),
    ...(terminal === undefined ? {} : { terminal }),
    ...(success === undefined ? {} : { success }),
    ...(refreshOnBack === undefined ? {} : { refresh_on_back: refreshOnBack }),
    ...(sensitive === undefined
      ? {}
      : { sensitive: sensitive.map((input) => (input instanceof FormRef ? input.name : input)) }),
    layout: isLayout(options.layout) ? options.layout : layout(options.layout),
  };
}
