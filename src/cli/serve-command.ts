/**
 * `flowmachine serve MODULE`: serves the flow MODULE exports as the encrypted WhatsApp Flows data
 * endpoint (`POST http://HOST:PORT/PATH`) with a health check (`GET /healthz`), on one process or on a
 * node:cluster of workers. Sessions persist in SQLite by default, so a restart loses none; without
 * `--private-key` a development key pair is created in `.flowmachine/` and reused. SIGINT/SIGTERM stop
 * it cleanly: requests in flight finish, the store is closed, exit status 0.
 *
 * @example
 * // flowmachine serve examples/sign-in/flow.ts --port 8080 --app-secret-env META_APP_SECRET
 * await serveCommand.run(["examples/sign-in/flow.ts", "--port", "8080"], io);
 * @see https://developers.facebook.com/docs/whatsapp/flows/guides/implementingyourflowendpoint
 */
import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import type { Command, CommandIo } from "./command.js";
import { superviseServeWorkers } from "./serve/cluster-supervisor.js";
import { parseServeOptions } from "./serve/serve-options.js";
import { runServeProcess } from "./serve/serve-process.js";
import { REDIS_PASSWORD_ENV } from "./serve/store-from-url.js";
import { SERVE_WORKER_ENV } from "./serve/worker-messages.js";

const usage = `Usage: flowmachine serve MODULE [options]

Serves the flow exported by MODULE (.ts/.js, no build step; or a Flow JSON file) as the encrypted
WhatsApp Flows data endpoint at POST http://HOST:PORT/PATH, with GET /healthz for health checks.

Options:
  --export NAME          the export to serve (default: the default export)
  --port PORT            port to listen on (default 3000; 0 picks a free one)
  --host HOST            address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --path PATH            the data endpoint's path (default /flow)
  --private-key FILE     the private key PEM; without it a development key pair is created in
                         .flowmachine/ on first run and reused afterwards
  --passphrase-env NAME  environment variable holding the private key's passphrase
  --app-secret-env NAME  environment variable holding the Meta app secret; X-Hub-Signature-256 is
                         checked only when it is given (answering 432 otherwise)
  --store STORE          where sessions live:
                           sqlite:FILE  a SQLite file (default .flowmachine/sessions.sqlite)
                           memory       this process only; lost on restart; not with --workers
                           redis://[user[:password]@]HOST:PORT/DB, or rediss://... for TLS
                           (password from the URL or from $${REDIS_PASSWORD_ENV})
  --workers N            worker processes sharing the port (default 1; auto = one per CPU);
                         a worker that dies is replaced
  --session-ttl SECONDS  how long a session lives after its last request (default 86400)
  --quiet                no request log (default: one JSON line per request on stdout)

SIGINT or SIGTERM stops the server once the requests in flight are answered; a second one stops it
at once.

Exit status: 0 stopped cleanly, 1 the server failed (port in use, store unreachable), 2 bad
arguments, a module that cannot be loaded or a key that cannot be used.
`;

function isServeWorker(io: CommandIo): boolean {
  return cluster.isWorker && io.env[SERVE_WORKER_ENV] === "1";
}

/**
 * `flowmachine serve`: the data endpoint as a server.
 *
 * @example
 * // npm start
 * // node bin/flowmachine.js serve examples/sign-in/flow.ts
 */
export const serveCommand: Command = {
  summary: "Serve a flow's encrypted data endpoint over HTTP (with /healthz)",
  usage,
  run: async (args, io) => {
    const parsed = parseServeOptions(args, { env: io.env, cpus: availableParallelism() });
    if (!parsed.ok) {
      io.stderr(`flowmachine serve: ${parsed.problem}. Run 'flowmachine serve --help' for the options.\n`);
      return 2;
    }
    const { options } = parsed;
    if (isServeWorker(io)) return runServeProcess(options, io, "worker");
    if (options.workers > 1) return superviseServeWorkers(options, args, io);
    return runServeProcess(options, io, "single");
  },
};
