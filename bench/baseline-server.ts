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
import { createConstantReplyHandler } from "./constant-reply-handler.js";

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

async function serve(options: BaselineOptions): Promise<void> {
  const handler = await createConstantReplyHandler({
    privateKeyPem: options.privateKeyPem,
    ...(options.appSecret === undefined ? {} : { appSecret: options.appSecret }),
  });
  const listener = createNodeRequestListener(handler);
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
