/**
 * The encrypted WhatsApp Flows data endpoint for one flow machine, as one function from raw body and
 * headers to status and body: verify the signature over the raw bytes (432), decrypt (421), answer pings
 * and error notifications without touching the machine, check the flow token (427), run the request
 * through the machine with its session (compare-and-set, so a duplicate cannot apply twice), and encrypt
 * the reply with the inverted IV. Only 200, 413, 421, 427 and 432 ever leave it: a failing handler, a
 * store outage or an unexpected request gives the user the screen they were on with a message instead.
 *
 * @example
 * import { createServer } from "node:http";
 * import { Redacted } from "effect";
 * import { createFlowEndpoint } from "flowmachine/transport";
 * import { createNodeRequestListener } from "flowmachine/transport/node";
 * import signIn from "./examples/sign-in/flow.js";
 *
 * const endpoint = createFlowEndpoint({
 *   flow: signIn,
 *   privateKey: Redacted.make(process.env.PRIVATE_KEY_PEM ?? ""),
 *   appSecret: Redacted.make(process.env.APP_SECRET ?? ""),
 * });
 * createServer(createNodeRequestListener(endpoint)).listen(3000);
 * @see https://developers.facebook.com/docs/whatsapp/flows/guides/implementingyourflowendpoint
 */
import type { InspectionEvent } from "xstate";
import {
  defaultStepTimeoutMs,
  isStepError,
  type Flow,
  type FlowAction,
  type FlowRequest,
} from "../../machine/index.js";
import type { FlowPrivateKeyInput } from "../crypto/private-key.js";
import { createFlowKeyring, type FlowKeyring } from "../crypto/keyring.js";
import { decryptFlowRequest, type DecryptedFlowRequest } from "../crypto/flow-request-cipher.js";
import type { SecretInput } from "../crypto/hmac-key.js";
import { verifyHubSignature, type HeadersInput } from "../crypto/hub-signature.js";
import { verifyFlowTokenSignature } from "../crypto/flow-token-signature.js";
import { validateFlowToken } from "../crypto/flow-token.js";
import type { RawHttpHandler, RawHttpResponse } from "../raw-http.js";
import { DEFAULT_MAX_BODY_BYTES, EndpointStatus } from "../status-codes.js";
import { createMemorySessionStore } from "../store/memory-session-store.js";
import type { SessionStore } from "../store/session-store.js";
import { classifyRequest } from "./endpoint-request.js";
import {
  consoleEndpointLogger,
  hashFlowToken,
  type EndpointLogger,
  type EndpointRequestLog,
} from "./endpoint-log.js";
import { defaultEndpointMessages, type EndpointMessages } from "./endpoint-messages.js";
import { redactInspection } from "./inspection-redaction.js";
import { runSessionStep } from "./session-step.js";

/** How `flow_token_signature` (data API 4.0) is treated. */
export type FlowTokenSignaturePolicy = "off" | "verify-when-present" | "require";

/** Settings of {@link createFlowEndpoint}. */
export interface FlowEndpointOptions {
  /** The flow machine that answers INIT, data_exchange and BACK. */
  readonly flow: Flow;
  /** The private key(s): PEM, DER, JWK or CryptoKey; several during a key rotation; or a keyring. */
  readonly privateKey: FlowPrivateKeyInput | readonly FlowPrivateKeyInput[] | FlowKeyring;
  /** The Meta app secret(s) for `X-Hub-Signature-256`; without one, signatures are not checked. */
  readonly appSecret?: SecretInput;
  /** Where sessions live; defaults to an in-memory store (one process only). */
  readonly store?: SessionStore;
  /** How long a session (and a completed flow's tombstone) is kept after its last step; default 24 h. */
  readonly sessionTtlMs?: number;
  /** Largest accepted body; larger requests get 413. Default 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Deadline for a step's handlers; default 5 s, well inside WhatsApp's 10 s. */
  readonly stepTimeoutMs?: number;
  /** Secret(s) of signed flow tokens made by `createFlowToken({ secret })`: others get 427. */
  readonly flowTokenSecret?: SecretInput;
  /** Your own token check (a revocation list, ...): `false` answers 427. */
  readonly validateFlowToken?: (flowToken: string) => boolean | Promise<boolean>;
  /** `flow_token_signature` handling; default `verify-when-present` when an app secret is given. */
  readonly flowTokenSignature?: FlowTokenSignaturePolicy;
  /** XState inspection observer passed to every actor a step creates. */
  readonly inspect?: (event: InspectionEvent) => void;
  /** Redact form data and context values in inspection events (default true). */
  readonly redactInspection?: boolean;
  /** One entry per request and start-up warnings; defaults to JSON lines on the console. */
  readonly logger?: EndpointLogger;
  /** Texts the user sees on failures. */
  readonly messages?: Partial<EndpointMessages>;
  /** Clock, for tests. */
  readonly now?: () => number;
}

/** A running endpoint: a raw HTTP handler plus access to its sessions. */
export interface FlowEndpoint extends RawHttpHandler {
  /** Answers one request; never rejects. */
  handle(rawBody: Uint8Array, headers: HeadersInput): Promise<RawHttpResponse>;
  /** Resolves once the private keys are imported; rejects with the key error if they cannot be. */
  readonly ready: Promise<void>;
  readonly store: SessionStore;
  /** The flow's context as the session holds it (after completion too, until the TTL): for webhooks. */
  sessionContext(flowToken: string): Promise<unknown>;
  /** Closes the store when the endpoint created it. */
  close(): Promise<void>;
}

const DEFAULT_SESSION_TTL_MS = 24 * 60 * 60 * 1000;
const TEXT = { "content-type": "text/plain" } as const;
const flowActions: ReadonlySet<string> = new Set<FlowAction>(["INIT", "data_exchange", "BACK"]);

/** Creates the data endpoint for `options.flow`. Keys are imported once, in the background. */
export function createFlowEndpoint(options: FlowEndpointOptions): FlowEndpoint {
  const { flow, appSecret } = options;
  const logger = options.logger ?? consoleEndpointLogger;
  const now = options.now ?? Date.now;
  const store = options.store ?? createMemorySessionStore();
  const messages = { ...defaultEndpointMessages, ...options.messages };
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const ttlMs = options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
  const signaturePolicy =
    options.flowTokenSignature ?? (appSecret === undefined ? "off" : "verify-when-present");
  const inspect = options.inspect === undefined ? undefined : guardInspector(options, logger);
  const stepOptions = {
    timeoutMs: options.stepTimeoutMs ?? defaultStepTimeoutMs,
    ...(inspect ? { inspect } : {}),
  };
  const keyring = isKeyring(options.privateKey)
    ? Promise.resolve(options.privateKey)
    : createFlowKeyring(options.privateKey);
  const ready = keyring.then(() => undefined);
  ready.catch(() => undefined);

  if (appSecret === undefined) {
    logger({
      kind: "warning",
      message:
        "No app secret configured: X-Hub-Signature-256 is not checked, so anyone who can reach this " +
        "endpoint can send it requests. Pass appSecret (the Meta app's secret) in production.",
    });
  }
  if (signaturePolicy !== "off" && appSecret === undefined) {
    throw new TypeError("flowTokenSignature needs appSecret: the JWT is signed with the Meta app secret.");
  }

  async function handle(rawBody: Uint8Array, headers: HeadersInput): Promise<RawHttpResponse> {
    const started = now();
    const entry: { -readonly [K in keyof EndpointRequestLog]?: EndpointRequestLog[K] } = {};
    // The flow token's log hash is computed while the request runs, off its critical path.
    let tokenHash: Promise<string | undefined> | undefined;
    const finish = async (status: number, outcome: string, body = ""): Promise<RawHttpResponse> => {
      const durationMs = now() - started;
      logger({
        kind: "request",
        token: await tokenHash,
        action: entry.action,
        screen: entry.screen,
        status,
        durationMs,
        outcome,
        ...(entry.error === undefined ? {} : { error: entry.error }),
        ...(entry.detail === undefined ? {} : { detail: entry.detail }),
        ...(entry.notification === undefined ? {} : { notification: entry.notification }),
      });
      return { status, headers: TEXT, body };
    };
    const noteError = (error: unknown) => {
      entry.error = errorTag(error);
      if (isStepError(error) || entry.error === "SessionStoreError") entry.detail = (error as Error).message;
    };

    if (rawBody.byteLength > limit) return finish(EndpointStatus.PayloadTooLarge, "too-large");
    if (appSecret !== undefined && !(await verifyHubSignature(rawBody, headers, appSecret))) {
      return finish(EndpointStatus.SignatureInvalid, "bad-signature");
    }
    let decrypted: DecryptedFlowRequest;
    try {
      decrypted = await decryptFlowRequest(rawBody, await keyring);
    } catch (error) {
      noteError(error);
      return finish(EndpointStatus.DecryptionFailed, "undecryptable");
    }
    const request = classifyRequest(decrypted.payload);
    if (request.type !== "ping") tokenHash = hashFlowToken(request.token).catch(() => undefined);
    const refuse = async (message: string) =>
      finish(
        EndpointStatus.FlowTokenInvalid,
        "refused",
        await decrypted.encryptResponse({ error_msg: message }),
      );

    switch (request.type) {
      case "ping":
        entry.action = "ping";
        return finish(
          EndpointStatus.Ok,
          "ping",
          await decrypted.encryptResponse({ data: { status: "active" } }),
        );
      case "error-notification":
        entry.notification = request.errorKey;
        return finish(
          EndpointStatus.Ok,
          "error-notification",
          await decrypted.encryptResponse({ data: { acknowledged: true } }),
        );
      case "malformed":
        entry.error = "RequestMalformed";
        return refuse(messages.tokenInvalid);
    }

    entry.action = request.action;
    entry.screen = request.screen;
    const tokenRefusal = await checkToken(request.token, request.tokenSignature);
    if (tokenRefusal !== undefined) {
      entry.error = tokenRefusal;
      return refuse(messages.tokenInvalid);
    }
    const failureReply = async (message: string) => {
      // Own keys only: `in` would take "__proto__" or "constructor" for a screen and send it back.
      const screen =
        request.screen !== undefined && Object.hasOwn(flow.screens, request.screen)
          ? request.screen
          : flow.entry;
      const body = await decrypted.encryptResponse({ screen, data: { error_message: message } });
      return finish(EndpointStatus.Ok, "failed", body);
    };
    if (!flowActions.has(request.action)) {
      entry.error = "UnknownAction";
      return failureReply(messages.failure);
    }

    const flowRequest: FlowRequest = {
      action: request.action as FlowAction,
      data: request.data,
      flow_token: request.token,
      ...(request.screen === undefined ? {} : { screen: request.screen }),
      ...(request.version === undefined ? {} : { version: request.version }),
    };
    try {
      const outcome = await runSessionStep({ flow, store, request: flowRequest, ttlMs, stepOptions });
      switch (outcome.type) {
        case "replied":
          return finish(
            EndpointStatus.Ok,
            outcome.completed ? "complete" : "reply",
            await decrypted.encryptResponse(outcome.response),
          );
        case "no-session":
          entry.error = "SessionNotFound";
          return refuse(messages.tokenInvalid);
        case "contended":
          entry.error = "SessionContended";
          return failureReply(messages.failure);
      }
    } catch (error) {
      noteError(error);
      if (entry.error === "FlowCompleted") return refuse(messages.completed);
      if (entry.error === "SnapshotMismatch" || entry.error === "SnapshotInvalid") {
        return refuse(messages.tokenInvalid);
      }
      return failureReply(entry.error === "SessionStoreError" ? messages.unavailable : messages.failure);
    }
  }

  /** The tag of the reason a token is refused, or undefined when it passes every configured check. */
  async function checkToken(token: string, signature: string | undefined): Promise<string | undefined> {
    if (options.flowTokenSecret !== undefined) {
      const validation = await validateFlowToken(token, { secret: options.flowTokenSecret, now });
      if (!validation.valid) return validation.error._tag;
    }
    if (options.validateFlowToken !== undefined && !(await options.validateFlowToken(token))) {
      return "FlowTokenRejected";
    }
    if (signaturePolicy === "off" || appSecret === undefined) return undefined;
    if (signature === undefined)
      return signaturePolicy === "require" ? "FlowTokenSignatureMissing" : undefined;
    try {
      await verifyFlowTokenSignature(token, signature, { appSecret, now });
      return undefined;
    } catch (error) {
      return errorTag(error);
    }
  }

  return {
    handle,
    ready,
    store,
    async sessionContext(flowToken) {
      const stored = await store.get(flowToken);
      if (stored === undefined) return undefined;
      const snapshot = JSON.parse(stored.value) as { context?: { values?: unknown } };
      return snapshot.context?.values;
    },
    async close() {
      if (options.store === undefined) await store.close();
    },
  };
}

/**
 * The inspection observer the step gets: redacted unless turned off, and never able to break a request
 * (an inspector that throws is reported once and then ignored).
 */
function guardInspector(
  options: FlowEndpointOptions,
  logger: EndpointLogger,
): (event: InspectionEvent) => void {
  const inspect = options.inspect as (event: InspectionEvent) => void;
  const observe = options.redactInspection === false ? inspect : redactInspection(inspect);
  let reported = false;
  return (event) => {
    try {
      observe(event);
    } catch (error) {
      if (reported) return;
      reported = true;
      logger({
        kind: "warning",
        message: `The inspect observer threw (${errorTag(error)}); its errors are ignored.`,
      });
    }
  };
}

function isKeyring(value: FlowEndpointOptions["privateKey"]): value is FlowKeyring {
  return typeof value === "object" && value !== null && Array.isArray((value as { keys?: unknown }).keys);
}

function errorTag(error: unknown): string {
  if (typeof error === "object" && error !== null && "_tag" in error && typeof error._tag === "string") {
    return error._tag;
  }
  return error instanceof Error ? error.name : "Unknown";
}
