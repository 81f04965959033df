/**
 * Two `flowmachine serve` processes on different ports, as behind a load balancer: the same private key
 * and app secret, sessions in one Redis. Each flow's requests alternate between them; the request that
 * completes a flow, sent to both at once, is applied exactly once.
 */
import { generateKeyPairSync } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exampleUser } from "../../examples/sign-in/users.js";
import { createRedisSessionStore } from "../../src/transport/redis.js";
import { createFlowClient, sendOverHttp, type FlowClient } from "../helpers/flow-client.js";
import { useRedisServer } from "../helpers/redis-server.js";
import {
  killCliChildren,
  seededFlowModule,
  startServe,
  tempFolder,
  type ServeChild,
} from "../helpers/serve-process.js";
import { checkSignInPaths } from "../helpers/sign-in-paths-over-http.js";
import { completedMessage, readReply, wrongPasswordStep } from "../helpers/sign-in-journeys.js";

const redis = useRedisServer();
const appSecret = "two-instances-app-secret";
let instances: [ServeChild, ServeChild];
let clients: [FlowClient, FlowClient];

beforeAll(async () => {
  const dir = tempFolder("production-two");
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const keyFile = join(dir, "private.pem");
  writeFileSync(keyFile, privateKey.export({ type: "pkcs8", format: "pem" }));
  const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  const args = [
    seededFlowModule,
    ...["--store", `${redis().url}/0`, "--private-key", keyFile, "--app-secret-env", "APP_SECRET"],
    "--quiet",
  ];
  const start = (name: string) => startServe(args, { cwd: tempFolder(name), env: { APP_SECRET: appSecret } });
  instances = [await start("instance-a"), await start("instance-b")];
  clients = instances.map((server) =>
    createFlowClient({ publicKeyPem, appSecret, send: sendOverHttp(server.flowUrl) }),
  ) as [FlowClient, FlowClient];
});
afterAll(killCliChildren);

describe("two serve processes sharing one Redis", () => {
  it("listen on different ports", () => {
    const [a, b] = instances;
    expect(a.origin).not.toBe(b.origin);
  });

  it("complete every path of the sign-in flow with each flow's requests alternating between them", async () => {
    const result = await checkSignInPaths(clients, "two-instances");
    expect(result.mismatches).toEqual([]);
    expect(result.paths).toBeGreaterThanOrEqual(10);
    expect(result.requests).toBeGreaterThan(result.paths);
  });

  it("apply a completing request sent to both at once exactly once: one SUCCESS, one 427", async () => {
    const store = await createRedisSessionStore({ url: `${redis().url}/0` });
    const races = 60;
    const outcomes: string[] = [];
    try {
      await Promise.all(
        Array.from({ length: races }, async (_, index) => {
          const token = `race-${index}`;
          const [first, second] = index % 2 === 0 ? clients : ([clients[1], clients[0]] as const);
          const send = (client: FlowClient, request: object) =>
            client.request({ version: "3.0", ...request, flow_token: token });
          expect((await send(first, { action: "INIT", data: {} })).status).toBe(200);
          expect(readReply((await send(second, wrongPasswordStep.request)).reply).screen).toBe("SIGN_IN");
          const complete = {
            action: "data_exchange",
            screen: "SIGN_IN",
            data: { email: exampleUser.email, password: exampleUser.password },
          };
          const answers = await Promise.all([send(first, complete), send(second, complete)]);
          const success = answers.filter(
            (answer) => answer.status === 200 && readReply(answer.reply).screen === "SUCCESS",
          );
          const refused = answers.filter(
            (answer) => answer.status === 427 && readReply(answer.reply).errorMsg === completedMessage,
          );
          outcomes.push(`${success.length} SUCCESS, ${refused.length} refused`);
          expect(success[0]?.reply).toEqual({
            screen: "SUCCESS",
            data: { extension_message_response: { params: { flow_token: token, email: exampleUser.email } } },
          });
          // INIT, the wrong password, one completion: three writes, the last one a tombstone.
          const session = await store.get(token);
          expect([session?.version, session?.completed]).toEqual([3, true]);
        }),
      );
    } finally {
      await store.close();
    }
    expect(outcomes).toEqual(Array.from({ length: races }, () => "1 SUCCESS, 1 refused"));
  });
});
