/**
 * SIGINT and SIGTERM for `flowmachine serve`: the first one asks for a clean stop (finish the requests
 * in flight, close the store), a second one ends the process at once with 128 + the signal's number.
 *
 * @example
 * const dispose = onStopSignals((signal) => void drainAndExit(signal), (text) => io.stderr(text));
 */

const STOP_SIGNALS = ["SIGINT", "SIGTERM"] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

const exitStatus: Readonly<Record<StopSignal, number>> = { SIGINT: 130, SIGTERM: 143 };

/** Installs the handlers (`beforeForcedExit` runs just before a forced exit); the returned function removes them. */
export function onStopSignals(
  onStop: (signal: StopSignal) => void,
  report: (text: string) => void,
  beforeForcedExit: () => void = () => undefined,
): () => void {
  let stopping = false;
  const handlers = STOP_SIGNALS.map((signal) => {
    const handler = (): void => {
      if (!stopping) {
        stopping = true;
        onStop(signal);
        return;
      }
      report(`flowmachine serve: ${signal} again; exiting without waiting\n`);
      beforeForcedExit();
      process.exit(exitStatus[signal]);
    };
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  return () => {
    for (const [signal, handler] of handlers) process.off(signal, handler);
  };
}
