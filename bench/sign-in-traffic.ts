/**
 * Realistic sign-in traffic, encrypted before any timing starts: every flow is INIT, a wrong password,
 * then the right password that completes the flow, on its own flow token. Bodies are encrypted the way
 * WhatsApp does (the stand-in in test/helpers) and signed with the bench app secret.
 *
 * @example
 * const flows = encryptSignInFlows(1000, { tokenPrefix: "bench-1" });
 * const reply = await endpoint.handle(flows[0][0].body, flows[0][0].headers);
 * checkSignInReply(0, flows[0][0].decryptResponse(reply.body)); // undefined: as expected
 */
import { createPublicKey } from "node:crypto";
import { exampleUser } from "../examples/sign-in/users.js";
import type { FlowRequest } from "../src/machine/index.js";
import { kat } from "../test/helpers/crypto-kat.js";
import { encryptRequest, signBody } from "../test/helpers/whatsapp-client-crypto.js";

/** The app secret the benchmarks sign with and the servers verify. */
export const BENCH_APP_SECRET = "flowmachine-bench-app-secret";
/** The private key the servers decrypt with (the known-answer key pair, public half used below). */
export const BENCH_PRIVATE_KEY_PEM = kat.rsa_private_key_pkcs8_pem;
/** Requests per flow: INIT, wrong password, right password. */
export const REQUESTS_PER_FLOW = 3;

/** One encrypted, signed request and how to read its reply. */
export interface EncryptedRequest {
  readonly body: Buffer;
  readonly headers: Readonly<Record<string, string>>;
  decryptResponse(body: string): unknown;
}

/** One flow's requests, in order. */
export type EncryptedFlow = readonly EncryptedRequest[];

/** Options of {@link encryptSignInFlows}. */
export interface SignInTrafficOptions {
  /** Makes the flow tokens unique to one run (`<prefix>-<n>`). */
  readonly tokenPrefix: string;
  readonly publicKeyPem?: string;
  readonly appSecret?: string;
}

/** The payloads of one sign-in flow for `token`: INIT, a wrong password, the right password. */
export function signInPayloads(token: string): readonly FlowRequest[] {
  const signIn = (password: string): FlowRequest => ({
    version: "3.0",
    action: "data_exchange",
    screen: "SIGN_IN",
    flow_token: token,
    data: { email: exampleUser.email, password },
  });
  return [
    { version: "3.0", action: "INIT", flow_token: token },
    signIn("Wrong#password1"),
    signIn(exampleUser.password),
  ];
}

/** Encrypts and signs `count` sign-in flows. */
export function encryptSignInFlows(count: number, options: SignInTrafficOptions): EncryptedFlow[] {
  // Parsed once: parsing the PEM for every request would cost five times the encryption.
  const publicKey = createPublicKey(options.publicKeyPem ?? kat.rsa_public_key_spki_pem);
  const appSecret = options.appSecret ?? BENCH_APP_SECRET;
  return Array.from({ length: count }, (_, index) =>
    signInPayloads(`${options.tokenPrefix}-${index}`).map((payload) => {
      const request = encryptRequest(publicKey, payload);
      return {
        body: Buffer.from(request.body),
        headers: {
          "content-type": "application/json",
          "x-hub-signature-256": signBody(request.body, appSecret),
        },
        decryptResponse: (body: string) => request.decryptResponse(body),
      };
    }),
  );
}

function screenOf(reply: unknown): unknown {
  return typeof reply === "object" && reply !== null ? (reply as { screen?: unknown }).screen : undefined;
}

/**
 * Checks the decrypted reply to request `position` of a flow (0 INIT, 1 wrong password, 2 right
 * password); returns what is wrong, or `undefined` when the reply is the expected one.
 */
export function checkSignInReply(position: number, reply: unknown): string | undefined {
  const screen = screenOf(reply);
  const data = (reply as { data?: Record<string, unknown> } | undefined)?.data;
  if (position === 0 && screen === "SIGN_IN" && typeof data?.["welcome"] === "string") return undefined;
  if (position === 1 && screen === "SIGN_IN" && typeof data?.["error_message"] === "string") return undefined;
  if (position === 2 && screen === "SUCCESS") return undefined;
  return `request ${position} of a sign-in flow got ${JSON.stringify(reply).slice(0, 200)}`;
}
