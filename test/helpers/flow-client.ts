/**
 * A WhatsApp client stand-in for the data endpoint: encrypts a request payload the way WhatsApp does
 * (with node:crypto only, see whatsapp-client-crypto.ts), signs it, sends it in-process or over real
 * HTTP, and decrypts the reply.
 *
 * @example
 * const client = createFlowClient({ publicKeyPem, appSecret, send: sendOverHttp(`${server.url}/flow`) });
 * const { status, reply } = await client.request({ version: "3.0", action: "INIT", flow_token: "t" });
 */
import { kat } from "./crypto-kat.js";
import { encryptRequest, signBody } from "./whatsapp-client-crypto.js";

/** What a transport answered, before decryption. */
export interface RawAnswer {
  readonly status: number;
  readonly body: string;
}

export type Send = (body: string, headers: Record<string, string>) => Promise<RawAnswer>;

export interface FlowClientAnswer {
  readonly status: number;
  /** The decrypted reply, when the body was not empty. */
  readonly reply: unknown;
}

export interface FlowClientOptions {
  readonly send: Send;
  /** Defaults to the known-answer vectors' public key. */
  readonly publicKeyPem?: string;
  /** Signs every request with this app secret when given. */
  readonly appSecret?: string;
}

export interface FlowClient {
  request(payload: object): Promise<FlowClientAnswer>;
}

/** The private key matching the client's default public key. */
export const testPrivateKeyPem = kat.rsa_private_key_pkcs8_pem;

export function createFlowClient(options: FlowClientOptions): FlowClient {
  const publicKeyPem = options.publicKeyPem ?? kat.rsa_public_key_spki_pem;
  return {
    async request(payload) {
      const request = encryptRequest(publicKeyPem, payload);
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (options.appSecret !== undefined)
        headers["x-hub-signature-256"] = signBody(request.body, options.appSecret);
      const answer = await options.send(request.body, headers);
      return {
        status: answer.status,
        reply: answer.body === "" ? undefined : request.decryptResponse(answer.body),
      };
    },
  };
}

/** Sends through `handler.handle` in-process. */
export function sendInProcess(handler: {
  handle(body: Uint8Array, headers: Record<string, string>): Promise<RawAnswer>;
}): Send {
  return (body, headers) => handler.handle(new TextEncoder().encode(body), headers);
}

/** Sends with a real HTTP POST to `url`. */
export function sendOverHttp(url: string): Send {
  return async (body, headers) => {
    const response = await fetch(url, { method: "POST", headers, body });
    return { status: response.status, body: await response.text() };
  };
}
