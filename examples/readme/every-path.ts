/**
 * Drives every transition path of the sign-in flow through the machine step, the way a test suite
 * would: `transitionPaths` lists the paths as protocol requests, `runPath` plays them and fails at
 * the first reply that goes somewhere else.
 *
 * @example
 * npx tsx examples/readme/every-path.ts
 */
import { transitionPaths, runPath } from "../../src/testing/index.js";
import { createSignInFlow } from "../sign-in/flow.js";
import { createMemoryUserRepository, seedExampleUsers } from "../sign-in/users.js";

/** Plays every path of the sign-in flow; resolves with one line per path. */
export async function checkEveryPath(): Promise<string[]> {
  const lines: string[] = [];
  const users = createMemoryUserRepository();
  await seedExampleUsers(users);
  const signIn = createSignInFlow({ users });
  const { paths, truncated } = transitionPaths(signIn, { maxDepth: 8 });
  for (const [index, path] of paths.entries()) {
    await runPath(signIn, path, { flowToken: `path-${index}` });
    lines.push(`ok  ${path.description}`);
  }
  lines.push(`${paths.length} paths${truncated ? " (bounded)" : ""}`);
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await checkEveryPath()) console.log(line);
}
