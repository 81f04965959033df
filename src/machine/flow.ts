/**
 * The flow object: what `defineFlow(...).createFlow(...)` and `importFlowJson(...)` return. It carries
 * the XState machine, the normalised definition the step and the compiler read, and the version hash
 * stamped on every snapshot.
 *
 * @example
 * import signIn from "./examples/sign-in/flow.js";
 * signIn.machine;          // the XState machine (inspect it, graph it, createActor it)
 * signIn.screens.SIGN_IN;  // the Flow JSON of a screen
 * isFlow(signIn);          // true
 */
import type { AnyStateMachine } from "xstate";
import type { FlowModel } from "./flow-model.js";
import type { ScreensRecord } from "./types.js";

/** Marks flow objects, across copies of the library (a CLI loading a user's module, for instance). */
export const flowBrand: unique symbol = Symbol.for("flowmachine.flow") as never;

/** A flow: screens as states of an XState machine, with the handlers that answer the data endpoint. */
export interface Flow<S extends ScreensRecord = ScreensRecord, C = object> {
  readonly [flowBrand]: true;
  readonly id: string;
  /** Flow JSON version. */
  readonly version: string;
  readonly dataApiVersion: string | undefined;
  readonly entry: string;
  /** The screens' Flow JSON, keyed by id, in declaration order. */
  readonly screens: S;
  /** The XState v5 machine: one top-level state per screen. */
  readonly machine: AnyStateMachine;
  /** Hash of the flow's Flow JSON inputs; persisted snapshots carry it. */
  readonly hash: string;
  /** The normalised definition (read by the step, the compiler and the path tester). */
  readonly model: FlowModel;
  /** The initial context, for typing handlers; not read at run time. */
  readonly context: C;
}

/** True for a flow object built by this library. */
export function isFlow(value: unknown): value is Flow {
  return (
    typeof value === "object" && value !== null && (value as { [flowBrand]?: unknown })[flowBrand] === true
  );
}
