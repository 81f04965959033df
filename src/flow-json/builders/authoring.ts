/**
 * The types that turn a wire shape from `types.ts` into the options its builder takes: kebab-case keys
 * become camelCase (`on-click-action` -> `onClickAction`), every property that accepts a binding also
 * accepts a typed expression of the matching type, and optional properties may be passed as
 * `undefined` (they are then left out of the output).
 *
 * Deriving the options from the wire types keeps the two from drifting apart: a property Meta adds to
 * a component in `types.ts` shows up in its builder's options without further work.
 */
import type { Binding } from "../types.js";
import type { Expression } from "../expressions/expression.js";

/** `"on-click-action"` -> `"onClickAction"`. */
export type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/**
 * Literal types widened to their primitive (`"a"` -> `string`, `true` -> `boolean`), deeply through
 * arrays and objects: the type a ref to a value like this one carries.
 */
export type Widen<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends readonly (infer E)[]
        ? readonly Widen<E>[]
        : T extends object
          ? { readonly [K in keyof T]: Widen<T[K]> }
          : T;

/** Flattens an intersection for readable hovers. */
export type Simplify<T> = { [K in keyof T]: T[K] };

type AuthoredStatic<V> = V extends string
  ? string extends V
    ? string | Expression<string>
    : V
  : V extends readonly (infer E)[]
    ? readonly AuthoredStatic<E>[]
    : V;

/**
 * What an author may write for a wire property of type `V`: the static value, or, where the property
 * accepts a binding, an expression of the same (widened) type or a hand-written binding string.
 * Plain `string` properties take string expressions too, since every binding is a string on the wire.
 */
export type Authored<V> =
  | AuthoredStatic<Exclude<V, Binding>>
  | (Binding extends V ? Expression<Widen<Exclude<V, Binding>>> | Binding : never);

type AuthoredProperty<K, V> = K extends "name" ? V : Authored<V>;

type OptionalKeys<W> = { [K in keyof W]-?: object extends Pick<W, K> ? K : never }[keyof W];
type RequiredKeys<W> = Exclude<keyof W, OptionalKeys<W>>;

type Derived<W> = {
  readonly [K in Exclude<RequiredKeys<W>, "type"> as CamelCase<K & string>]: AuthoredProperty<K, W[K]>;
} & {
  readonly [K in Exclude<OptionalKeys<W>, "type"> as CamelCase<K & string>]?:
    AuthoredProperty<K, Exclude<W[K], undefined>> | undefined;
};

/**
 * The options of the builder for wire shape `W`: its keys in camelCase without `type`, each accepting
 * the authored form of its wire type. `Overrides` replaces the properties an author writes differently
 * (nested camelCase objects, looser ref types).
 *
 * @example
 * type O = BuilderOptions<TextInput>; // { name: string; label: string | Expression<string>; inputType?: ...; ... }
 */
export type BuilderOptions<W, Overrides extends object = object> = Simplify<
  Omit<Derived<W>, keyof Overrides> & Overrides
>;
