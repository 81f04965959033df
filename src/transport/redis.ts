/**
 * `flowmachine/transport/redis`: the Redis session store, for many server processes sharing one
 * Redis. Needs Node and the `redis` package (v5, an optional peer dependency: `npm install redis`).
 */
export {
  createRedisSessionStore,
  redisSessionKey,
  type RedisCommandClient,
  type RedisConnectionOptions,
  type RedisSessionStore,
  type RedisSessionStoreOptions,
} from "./store/redis-session-store.js";
export { SessionStoreError } from "./store/errors.js";
export type { SessionStore } from "./store/session-store.js";
