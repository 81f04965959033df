/**
 * The sign-in flow as a service: the encrypted data endpoint on `/flow`, the webhook on `/webhook`,
 * sessions in SQLite, and a function that sends the flow to a user. Completions arrive with the final
 * context of the session that produced them.
 *
 * @example
 * PRIVATE_KEY_FILE=.flowmachine/private.pem APP_SECRET=... VERIFY_TOKEN=... WHATSAPP_ACCESS_TOKEN=... \
 *   npx tsx examples/readme/sign-in-service.ts
 */
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { Redacted } from "effect";
import { createGraphApiClient, createWebhookHandler } from "../../src/graph-api/index.js";
import { createFlowEndpoint } from "../../src/transport/index.js";
import { createNodeRequestListener } from "../../src/transport/node.js";
import { createSqliteSessionStore } from "../../src/transport/sqlite.js";
import signIn from "../sign-in/flow.js";

export function startSignInService(env: NodeJS.ProcessEnv) {
  const appSecret = Redacted.make(env["APP_SECRET"] ?? "");
  const endpoint = createFlowEndpoint({
    flow: signIn,
    privateKey: readFileSync(env["PRIVATE_KEY_FILE"] ?? ".flowmachine/private.pem", "utf8"),
    appSecret,
    store: createSqliteSessionStore({ path: ".flowmachine/sessions.sqlite" }),
  });
  const graph = createGraphApiClient({ accessToken: Redacted.make(env["WHATSAPP_ACCESS_TOKEN"] ?? "") });
  const webhook = createWebhookHandler({
    appSecret,
    verifyToken: env["VERIFY_TOKEN"] ?? "",
    graphApi: graph,
    sessionContext: (flowToken) => endpoint.sessionContext(flowToken),
  });
  webhook.onFlowCompletion((completion) => {
    console.log(`${completion.from.waId} signed in`, completion.response, completion.sessionContext);
  });

  const flowListener = createNodeRequestListener(endpoint);
  const webhookListener = createNodeRequestListener(webhook);
  const server = createServer((request, response) => {
    if (request.url?.startsWith("/webhook")) webhookListener(request, response);
    else flowListener(request, response);
  }).listen(Number(env["PORT"] ?? 3000));

  /** Sends the sign-in flow; the endpoint's INIT answer picks the first screen. */
  const sendSignIn = (to: string, flowId: string) =>
    graph.messages.sendFlowMessage({
      phoneNumberId: env["PHONE_NUMBER_ID"] ?? "",
      to,
      flowId,
      body: "Sign in to see your orders",
      cta: "Sign in",
      action: "data_exchange",
    });

  return { server, sendSignIn };
}

if (import.meta.url === `file://${process.argv[1]}`) startSignInService(process.env);
