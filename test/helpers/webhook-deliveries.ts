/**
 * Webhook deliveries shaped like Meta's (spec §5.3, §5.4), signed with node:crypto, and a real node:http
 * server that hands each request to a webhook handler's `handle`.
 */
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { WebhookHandler } from "../../src/graph-api/webhook-handler.js";

export const WABA_ID = "102290129340398";
export const PHONE_NUMBER_ID = "106540352242922";

/** `X-Hub-Signature-256` for `body`, computed independently of the library. */
export function signature(body: string | Buffer, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** A `whatsapp_business_account` delivery with one change per `changes` entry. */
export function envelope(changes: { field: string; value: unknown }[], time = 1_718_000_000): unknown {
  return { object: "whatsapp_business_account", entry: [{ id: WABA_ID, time, changes }] };
}

/** A `messages` change value carrying the given messages from one contact. */
export function messagesValue(
  messages: unknown[],
  contact = { wa_id: "15551234567", name: "Ada Lovelace" },
): unknown {
  return {
    messaging_product: "whatsapp",
    metadata: { display_phone_number: "15550001111", phone_number_id: PHONE_NUMBER_ID },
    contacts: [{ profile: { name: contact.name }, wa_id: contact.wa_id }],
    messages,
  };
}

/** An `nfm_reply` flow completion message. */
export function completionMessage(
  response: Record<string, unknown>,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    context: { from: "15550001111", id: "wamid.FLOW_MESSAGE" },
    from: "15551234567",
    id: "wamid.COMPLETION",
    timestamp: "1718000123",
    type: "interactive",
    interactive: {
      type: "nfm_reply",
      nfm_reply: { name: "flow", body: "Sent", response_json: JSON.stringify(response) },
    },
    ...overrides,
  };
}

export interface HandlerServer {
  readonly url: string;
  readonly close: () => Promise<void>;
}

/** Serves `handler.handle` on 127.0.0.1, reading the raw body as bytes. */
export async function serveWebhookHandler(handler: WebhookHandler): Promise<HandlerServer> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const url = new URL(request.url ?? "/", "http://127.0.0.1");
      const answer = await handler.handle(
        new Uint8Array(Buffer.concat(chunks)),
        request.headers,
        request.method,
        url.search,
      );
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error === undefined ? resolve() : reject(error)));
      }),
  };
}

/** POSTs `payload` signed with `secret` (or with the given header value, or none). */
export function deliver(
  url: string,
  payload: unknown,
  secret: string | undefined,
  header?: string,
): Promise<Response> {
  const body = typeof payload === "string" ? payload : JSON.stringify(payload);
  const headers: Record<string, string> = { "content-type": "application/json" };
  const signed = header ?? (secret === undefined ? undefined : signature(body, secret));
  if (signed !== undefined) headers["x-hub-signature-256"] = signed;
  return fetch(url, { method: "POST", headers, body });
}
