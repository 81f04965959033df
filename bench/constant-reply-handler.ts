/**
 * The data endpoint minus the flow machine and the session store: the signature check, the decryption
 * and the encryption of a constant reply. The HTTP baseline serves it, and the in-process benchmark
 * measures it next to the real endpoint, so that the machine's and the store's share can be read off.
 *
 * @example
 * const handler = await createConstantReplyHandler({ privateKeyPem, appSecret: Redacted.make(secret) });
 * createServer(createNodeRequestListener(handler)).listen(3000, "127.0.0.1");
 */
import { Redacted } from "effect";
import { decryptFlowRequest } from "../src/transport/crypto/flow-request-cipher.js";
import { verifyHubSignature } from "../src/transport/crypto/hub-signature.js";
import { createFlowKeyring } from "../src/transport/crypto/keyring.js";
import type { RawHttpHandler, RawHttpResponse } from "../src/transport/raw-http.js";
import { EndpointStatus } from "../src/transport/status-codes.js";

/** The reply to every request: the size and shape of the sign-in flow's SIGN_IN screen. */
export const CONSTANT_REPLY = {
  screen: "SIGN_IN",
  data: { welcome: "Welcome to our service! Please sign in to continue.", default_email: "" },
} as const;

/** Options of {@link createConstantReplyHandler}. */
export interface ConstantReplyHandlerOptions {
  readonly privateKeyPem: string;
  /** Checked like the endpoint checks it; without it, signatures are not checked. */
  readonly appSecret?: Redacted.Redacted<string>;
}

const TEXT = { "content-type": "text/plain" } as const;

/** Answers every request that verifies and decrypts with {@link CONSTANT_REPLY}, encrypted. */
export async function createConstantReplyHandler(
  options: ConstantReplyHandlerOptions,
): Promise<RawHttpHandler> {
  const keyring = await createFlowKeyring(Redacted.make(options.privateKeyPem));
  const { appSecret } = options;
  return {
    async handle(rawBody, headers): Promise<RawHttpResponse> {
      if (appSecret !== undefined && !(await verifyHubSignature(rawBody, headers, appSecret))) {
        return { status: EndpointStatus.SignatureInvalid, headers: TEXT, body: "" };
      }
      try {
        const request = await decryptFlowRequest(rawBody, keyring);
        return {
          status: EndpointStatus.Ok,
          headers: TEXT,
          body: await request.encryptResponse(CONSTANT_REPLY),
        };
      } catch {
        return { status: EndpointStatus.DecryptionFailed, headers: TEXT, body: "" };
      }
    },
  };
}
