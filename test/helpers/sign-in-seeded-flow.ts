/**
 * The sign-in example with its example users seeded, as a module for `flowmachine serve` in tests (the
 * example's own default export starts with no users, so its path examples could not sign in).
 *
 * - default export: the seeded flow.
 * - `slowSignIn`: the same flow on the same users, except that looking up an e-mail starting with
 *   `slow` takes `SLOW_LOOKUP_MS` milliseconds (default 1 500). It prints `slow lookup started` on stdout
 *   when such a lookup begins, so a test knows a request is in flight before it signals the server.
 *
 * @example
 * // flowmachine serve test/helpers/sign-in-seeded-flow.ts --export slowSignIn
 */
import { createSignInFlow } from "../../examples/sign-in/flow.js";
import {
  createMemoryUserRepository,
  seedExampleUsers,
  type UserRepository,
} from "../../examples/sign-in/users.js";

const users = createMemoryUserRepository();
await seedExampleUsers(users);

const slowLookupMs = Number(process.env["SLOW_LOOKUP_MS"] ?? 1_500);

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    });
  });
}

const slowUsers: UserRepository = {
  ...users,
  find: async (email, options) => {
    if (email.startsWith("slow")) {
      process.stdout.write("slow lookup started\n");
      await sleep(slowLookupMs, options?.signal);
    }
    return users.find(email, options);
  },
};

/** The sign-in flow with the example users. */
export default createSignInFlow({ users });

/** The sign-in flow whose lookups of `slow...` e-mails take `SLOW_LOOKUP_MS`. */
export const slowSignIn = createSignInFlow({ users: slowUsers });
