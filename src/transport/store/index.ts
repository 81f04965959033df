/**
 * Session stores: where the data endpoint keeps each flow's snapshot by `flow_token`. This entry
 * holds the contract, its error and the memory store, all runtime-neutral; the SQLite and Redis
 * stores need Node and a driver, so they have their own subpaths (`flowmachine/transport/sqlite`,
 * `flowmachine/transport/redis`) and only their types are re-exported here.
 */
export type { CompareAndSetResult, SessionStore, SessionWrite, StoredSession } from "./session-store.js";
export { SessionStoreError, type SessionStoreFailure, type SessionStoreOperation } from "./errors.js";
export {
  createMemorySessionStore,
  type MemorySessionStore,
  type MemorySessionStoreOptions,
} from "./memory-session-store.js";
export type { SqliteSessionStore, SqliteSessionStoreOptions } from "./sqlite-session-store.js";
export type {
  RedisCommandClient,
  RedisConnectionOptions,
  RedisSessionStore,
  RedisSessionStoreOptions,
} from "./redis-session-store.js";
