/**
 * The health check behind `GET /healthz`: it reads one probe key from the session store, so a SQLite
 * file that cannot be read or a Redis that is down shows as unhealthy (503) while the data endpoint keeps
 * answering WhatsApp with its own statuses.
 *
 * @example
 * const health = await checkStoreHealth(store);
 * response.writeHead(health.ok ? 200 : 503).end(JSON.stringify(healthBody(health)));
 */
import type { SessionStore } from "../../transport/store/session-store.js";

/** The token the probe reads; no flow ever writes it. */
export const HEALTH_PROBE_TOKEN = "flowmachine-healthz-probe";

/** The outcome of one probe. */
export interface StoreHealth {
  readonly ok: boolean;
  /** The store's kind: `memory`, `sqlite`, `redis`. */
  readonly store: string;
  /** Why the store is unhealthy: the `SessionStoreError` reason, or `timeout`. */
  readonly reason?: string;
}

/** Reads the probe key within `timeoutMs`; never rejects. */
export async function checkStoreHealth(store: SessionStore, timeoutMs = 2_000): Promise<StoreHealth> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<StoreHealth>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, store: store.kind, reason: "timeout" }), timeoutMs);
  });
  const probe = store.get(HEALTH_PROBE_TOKEN).then(
    (): StoreHealth => ({ ok: true, store: store.kind }),
    (error: unknown): StoreHealth => {
      const cause = (error as { reason?: unknown }).reason;
      return { ok: false, store: store.kind, reason: typeof cause === "string" ? cause : "failed" };
    },
  );
  try {
    return await Promise.race([probe, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** The JSON body of `/healthz`: `{"status":"ok","store":"sqlite"}` or `{"status":"unavailable",...}`. */
export function healthBody(health: StoreHealth): Record<string, string> {
  return health.ok
    ? { status: "ok", store: health.store }
    : { status: "unavailable", store: health.store, reason: health.reason ?? "failed" };
}
