/**
 * The HTTP benchmark's baseline: the same HTTP, signature, decryption and encryption path as
 * `flowmachine serve`, with the flow machine and the session store replaced by a constant reply. It
 * is what a request costs before any flow logic, so `serve` figures are read as ratios to it (with
 * the same number of processes). `--workers N` runs N node:cluster workers; 1 (the default) serves in
 * this one process, as `serve` does without `--workers`.
 *
 * @example
 * // FLOW_APP_SECRET=... tsx bench/baseline-server.ts --port 3000 --private-key key.pem --app-secret-env FLOW_APP_SECRET --workers auto
 */
import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { Redacted } from "effect";
import { createNodeRequestListener } from "../src/transport/adapters/node.js";
import { decryptFlowRequest } from "../src/transport/crypto/flow-request-cipher.js";
import { verifyHubSignature } from "../src/transport/crypto/hub-signature.js";
import { createFlowKeyring } from "../src/transport/crypto/keyring.js";
import type { RawHttpHandler, RawHttpResponse } from "../src/transport/raw-http.js";
import { EndpointStatus } from "../src/transport/status-codes.js";

/** The reply to every request: the size and shape of the sign-in flow's SIGN_IN screen. */
const CONSTANT_REPLY = {
  screen: "SIGN_IN",
  data: { welcome: "Welcome to our service! Please sign in to continue.", default_email: "" },
};
const TEXT = { "content-type": "text/plain" } as const;

interface BaselineOptions {
  readonly port: number;
  readonly host: string;
  readonly path: string;
  readonly workers: number;
  readonly privateKeyPem: string;
  readonly appSecret: Redacted.Redacted<string> | undefined;
}

function readOptions(argv: readonly string[]): BaselineOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: "string" },
      host: { type: "string", default: "127.0.0.1" },
      path: { type: "string", default: "/flow" },
      workers: { type: "string", default: "1" },
      "private-key": { type: "string" },
      "app-secret-env": { type: "string" },
      quiet: { type: "boolean", default: false },
    },
  });
  const port = Number(values.port);
  const workers = values.workers === "auto" ? availableParallelism() : Number(values.workers);
  if (!Number.isInteger(port) || port <= 0) throw new Error("baseline-server: give --port N.");
  if (!Number.isInteger(workers) || workers < 1) throw new Error("baseline-server: --workers is N or auto.");
  if (values["private-key"] === undefined) throw new Error("baseline-server: give --private-key FILE.");
  const secretName = values["app-secret-env"];
  const secret = secretName === undefined ? undefined : process.env[secretName];
  if (secretName !== undefined && !secret) throw new Error(`baseline-server: ${secretName} is not set.`);
  return {
    port,
    host: values.host,
    path: values.path,
    workers,
    privateKeyPem: readFileSync(values["private-key"], "utf8"),
    appSecret: secret === undefined ? undefined : Redacted.make(secret),
  };
}

/** Signature check, decryption and encryption of a constant reply: the endpoint minus machine and store. */
async function constantReplyHandler(options: BaselineOptions): Promise<RawHttpHandler> {
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

async function serve(options: BaselineOptions): Promise<void> {
  const listener = createNodeRequestListener(await constantReplyHandler(options));
  const server = createServer((request, response) => {
    if (request.method !== "POST" || request.url?.split("?")[0] !== options.path) {
      response.writeHead(404).end();
      request.resume();
      return;
    }
    listener(request, response);
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
}

const options = readOptions(process.argv.slice(2));
const address = `http://${options.host}:${options.port}${options.path}`;
if (options.workers === 1) {
  await serve(options);
  console.log(`baseline listening on ${address} (one process)`);
} else if (cluster.isPrimary) {
  let listening = 0;
  cluster.on("listening", () => {
    listening += 1;
    if (listening === options.workers)
      console.log(`baseline listening on ${address} (${options.workers} workers)`);
  });
  cluster.on("exit", (worker, code) => {
    console.error(`baseline worker ${worker.process.pid} exited (${code})`);
    process.exitCode = 1;
  });
  for (let index = 0; index < options.workers; index++) cluster.fork();
} else {
  await serve(options);
}
