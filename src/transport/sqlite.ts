/**
 * `flowmachine/transport/sqlite`: the SQLite session store, for one host (several processes may
 * share the file). Needs Node and `better-sqlite3`.
 */
export {
  createSqliteSessionStore,
  type SqliteSessionStore,
  type SqliteSessionStoreOptions,
} from "./store/sqlite-session-store.js";
export { SessionStoreError } from "./store/errors.js";
export type { SessionStore } from "./store/session-store.js";
