/**
 * The shape of a component catalog entry: a component's properties plus what the layout rules need
 * (the version it appeared in, whether it is a form input, where it may stand, count limits).
 *
 * @example
 * const spec: ComponentSpec | undefined = getComponentSpec("Footer");
 * spec?.perScreen; // { max: 1, code: "MAX_FOOTER_PER_SCREEN" }
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components
 */
import type { ObjectSpec, PropertySpec } from "./property-spec.js";
import type { ComponentType } from "./types.js";
import type { DiagnosticCode } from "./validate/diagnostic-codes.js";
import type { FlowJsonVersion } from "./versions.js";

/** A count limit on one component type, with the diagnostic code its breach is reported under. */
export interface CountLimit {
  readonly max: number;
  readonly code: DiagnosticCode;
}

/** One component: its properties plus what the layout rules need to know about it. */
export interface ComponentSpec extends ObjectSpec {
  readonly type: ComponentType;
  /** The first Flow JSON version the component exists in. */
  readonly since: FlowJsonVersion;
  /** Takes user input and is named in `${form.name}`. */
  readonly input: boolean;
  /** Allowed as a child of `If` from this version (absent: never). */
  readonly inIf?: FlowJsonVersion;
  /** Allowed in a `Switch` case from this version (absent: never). */
  readonly inSwitch?: FlowJsonVersion;
  /** Most of it one screen may show on any one rendering path (If/Switch branches are alternatives). */
  readonly perScreen?: CountLimit;
  /** Most of it one flow may hold. */
  readonly perFlow?: CountLimit;
}

/** A catalog entry as written: the spec without what the catalog derives (type, label, default version). */
export type ComponentEntry = Omit<ComponentSpec, "type" | "label" | "properties" | "since"> & {
  readonly since?: FlowJsonVersion;
  readonly properties: Record<string, PropertySpec>;
};
