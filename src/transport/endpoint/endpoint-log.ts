/**
 * The endpoint's structured log: one entry per request (a hash of the flow token, the action, the screen,
 * the status, the duration and the outcome) plus start-up warnings. Entries never carry a secret, a flow
 * token in clear, or a form value: errors are logged by their tag and our own message only.
 *
 * @example
 * createFlowEndpoint({ flow, privateKey, logger: (entry) => pino.info(entry) });
 */

/** One request, as logged. */
export interface EndpointRequestLog {
  readonly kind: "request";
  /** The first 16 hex digits of SHA-256(flow_token): enough to correlate, useless to replay. */
  readonly token: string | undefined;
  readonly action: string | undefined;
  readonly screen: string | undefined;
  readonly status: number;
  readonly durationMs: number;
  /** What happened: `reply`, `complete`, `ping`, `error-notification`, `refused`, `failed`, ... */
  readonly outcome: string;
  /** The tag of the error behind a refusal or failure, when there was one. */
  readonly error?: string;
  /** Our message for that error (never the cause's, which may quote user data). */
  readonly detail?: string;
  /** For error notifications: the error type WhatsApp reported (`payload-schema-error`, ...). */
  readonly notification?: string;
}

/** A warning about the configuration, logged once at start-up. */
export interface EndpointWarningLog {
  readonly kind: "warning";
  readonly message: string;
}

export type EndpointLogEntry = EndpointRequestLog | EndpointWarningLog;
export type EndpointLogger = (entry: EndpointLogEntry) => void;

/** The default logger: one JSON line per entry on the console. */
export const consoleEndpointLogger: EndpointLogger = (entry) => {
  const line = JSON.stringify({ time: new Date().toISOString(), ...entry });
  if (entry.kind === "warning") console.warn(line);
  else console.log(line);
};

const utf8 = new TextEncoder();

/** The log form of a flow token: a short SHA-256 prefix. */
export async function hashFlowToken(token: string | undefined): Promise<string | undefined> {
  if (token === undefined) return undefined;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", utf8.encode(token)));
  let hex = "";
  for (const byte of digest.subarray(0, 8)) hex += byte.toString(16).padStart(2, "0");
  return hex;
}
