/**
 * Builders for the components that move the user on: Footer, EmbeddedLink and NavigationList (with
 * its items). Each accepts only the actions Meta allows on it: a Footer `complete`, `data_exchange`
 * or `navigate`; an EmbeddedLink also `open_url` and `update_data`; a NavigationList `navigate` or
 * `data_exchange`.
 *
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components
 */
import type { Binding, EmbeddedLink, Footer, NavigationList, NavigationListItem } from "../types.js";
import type { Expression } from "../expressions/expression.js";
import type { BuilderOptions } from "./authoring.js";
import { buildComponent } from "./component.js";
import { isPlainObject, toWireOptions } from "./wire-value.js";

/** The options of `footer`: the Footer keys in camelCase (`onClickAction`, `leftCaption`, ...). */
export type FooterOptions = BuilderOptions<Footer>;
/** The options of `embeddedLink`: `text`, `onClickAction`, `visible`. */
export type EmbeddedLinkOptions = BuilderOptions<EmbeddedLink>;

/** The least a data field must hold to feed `list-items`: an `id` and a main title per item. */
export interface NavigationItemShape {
  readonly id: string;
  readonly "main-content": { readonly title: string };
}

/** The options of `navigationList`; `listItems` are built items or a ref to a data field of items. */
export type NavigationListOptions = BuilderOptions<
  NavigationList,
  { readonly listItems: readonly NavigationListItem[] | Expression<readonly NavigationItemShape[]> | Binding }
>;

/** The options of `navigationItem`, nested objects in camelCase too (`mainContent`, `start.altText`). */
export type NavigationItemOptions = BuilderOptions<
  NavigationListItem,
  {
    readonly mainContent: BuilderOptions<NavigationListItem["main-content"]>;
    readonly start?: BuilderOptions<NonNullable<NavigationListItem["start"]>> | undefined;
    readonly end?: BuilderOptions<NonNullable<NavigationListItem["end"]>> | undefined;
  }
>;

/**
 * The Footer button (one per screen, required on terminal screens).
 *
 * @example
 * footer({ label: "Sign in", onClickAction: dataExchange({ email: email.ref, password: password.ref }) });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#foot
 */
export function footer(options: FooterOptions): Footer {
  return buildComponent<Footer>("Footer", options);
}

/**
 * An EmbeddedLink (at most 2 per screen).
 *
 * @example
 * embeddedLink({ text: "Forgot password", onClickAction: navigate("FORGOT_PASSWORD") });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#embed
 */
export function embeddedLink(options: EmbeddedLinkOptions): EmbeddedLink {
  return buildComponent<EmbeddedLink>("EmbeddedLink", options);
}

const nestedItemKeys = ["mainContent", "start", "end"] as const;

/**
 * One item of a NavigationList: `mainContent` (title, description, metadata), an optional `start`
 * image, `end` texts, badge, tags and click action.
 *
 * @example
 * navigationItem({ id: "home", mainContent: { title: "Home Insurance" }, end: { title: "$100" }, onClickAction: navigate("HOME") });
 * // { id: "home", "main-content": { title: "Home Insurance" }, end: { title: "$100" }, "on-click-action": {...} }
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#navigationlist
 */
export function navigationItem(options: NavigationItemOptions): NavigationListItem {
  const converted: Record<string, unknown> = { ...options };
  for (const key of nestedItemKeys) {
    const value: unknown = converted[key];
    if (isPlainObject(value)) converted[key] = toWireOptions(value);
  }
  return toWireOptions(converted) as unknown as NavigationListItem;
}

/**
 * A NavigationList (Flow JSON 6.2+): 1 to 20 items, alone on its screen, with the click action either
 * on the list or on each item.
 *
 * @example
 * navigationList({ name: "insurances", listItems: [navigationItem({ id: "home", mainContent: { title: "Home" } })] });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#navigationlist
 */
export function navigationList(options: NavigationListOptions): NavigationList {
  return buildComponent<NavigationList>("NavigationList", options);
}
