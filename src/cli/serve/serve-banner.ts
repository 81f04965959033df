/**
 * What `flowmachine serve` prints once it listens: the URL, the public key to upload (with the command
 * that uploads it), the store (password masked), whether signatures are checked, and the workers.
 *
 * @example
 * io.stdout(formatServeBanner({ flowId: "sign-in", module: "flow.ts", origin: "http://127.0.0.1:3000", ... }));
 */
import { relative } from "node:path";
import { HEALTH_PATH } from "./serve-options.js";
import type { ServeKey } from "./serve-key.js";

/** The facts the banner shows. */
export interface ServeBannerInfo {
  readonly flowId: string;
  readonly module: string;
  /** `http://HOST:PORT`, as bound. */
  readonly origin: string;
  readonly path: string;
  readonly key: Omit<ServeKey, "privateKey">;
  /** From `describeStore`: never holds a password. */
  readonly store: string;
  /** The variable holding the app secret, when signatures are checked. */
  readonly appSecretEnv: string | undefined;
  readonly quiet: boolean;
  /** The worker processes' ids, in cluster mode. */
  readonly workerPids?: readonly number[];
  readonly cwd: string;
}

/** `http://HOST:PORT` for a bound address (IPv6 hosts in brackets). */
export function originOf(host: string, port: number): string {
  return `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
}

function keyLines(info: ServeBannerInfo): string[] {
  const shown = (path: string): string => relative(info.cwd, path) || path;
  const { key } = info;
  if (key.publicKeyPath === undefined) {
    const file = shown(key.privateKeyPath);
    return [
      `  Private key: ${file}`,
      `               upload its public half: openssl rsa -in ${file} -pubout -out public.pem`,
      "               then flowmachine keys upload --phone-number-id <PHONE_NUMBER_ID> --public-key public.pem",
    ];
  }
  const origin = key.development ? ` (development key pair, ${key.created ? "created now" : "reused"})` : "";
  const publicKey = shown(key.publicKeyPath);
  return [
    `  Public key:  ${publicKey}${origin}`,
    `               upload it for each phone number: flowmachine keys upload --phone-number-id <PHONE_NUMBER_ID> --public-key ${publicKey}`,
  ];
}

/** The banner, ending with the `Listening on URL` line. */
export function formatServeBanner(info: ServeBannerInfo): string {
  const signatures =
    info.appSecretEnv === undefined
      ? "NOT checked (pass --app-secret-env NAME with the Meta app secret in production)"
      : `checked with the app secret in $${info.appSecretEnv}`;
  const workers =
    info.workerPids === undefined
      ? []
      : [`  Workers:     ${info.workerPids.length} (pids ${info.workerPids.join(", ")})`];
  return [
    `flowmachine serve: flow '${info.flowId}' from ${info.module}`,
    `  Endpoint:    POST ${info.origin}${info.path}`,
    `  Health:      GET  ${info.origin}${HEALTH_PATH}`,
    ...keyLines(info),
    `  Store:       ${info.store}`,
    `  Signatures:  ${signatures}`,
    ...workers,
    `  Request log: ${info.quiet ? "off (--quiet)" : "one JSON line per request on stdout"}`,
    `Listening on ${info.origin}${info.path} (Ctrl-C to stop)`,
    "",
  ].join("\n");
}
