/**
 * The flow the endpoint and HTTP benchmarks serve: the sign-in example with its example user seeded,
 * so that a wrong password is refused and the right one completes. Also the MODULE given to
 * `flowmachine serve` by the HTTP benchmark (its default export).
 *
 * @example
 * const endpoint = createFlowEndpoint({ flow: (await import("./sign-in-bench-flow.js")).default, privateKey });
 */
import { createSignInFlow } from "../examples/sign-in/flow.js";
import { createMemoryUserRepository, seedExampleUsers } from "../examples/sign-in/users.js";

const users = createMemoryUserRepository();
await seedExampleUsers(users);

/** The sign-in flow over a repository holding the example user. */
const signInBenchFlow = createSignInFlow({ users });
export default signInBenchFlow;
