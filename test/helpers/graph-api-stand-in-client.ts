/**
 * A Graph API client wired to a stand-in, with retries that do not wait (the delays they would have
 * waited are recorded instead) and files read from disk.
 */
import { readFile } from "node:fs/promises";
import { createGraphApiClient, type GraphApiClientOptions } from "../../src/graph-api/graph-api-client.js";
import type { GraphApiStandIn } from "./graph-api-stand-in.js";

export interface StandInClient {
  readonly client: ReturnType<typeof createGraphApiClient>;
  /** Each retry delay the client asked for, in order. */
  readonly sleeps: number[];
  readonly warnings: string[];
}

export function standInClient(
  graph: GraphApiStandIn,
  options: Partial<GraphApiClientOptions> = {},
): StandInClient {
  const sleeps: number[] = [];
  const warnings: string[] = [];
  const client = createGraphApiClient({
    accessToken: graph.accessToken,
    baseUrl: graph.url,
    readFile: (path) => readFile(path),
    logger: { warn: (message) => warnings.push(message) },
    ...options,
    retry: {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      ...options.retry,
    },
  });
  return { client, sleeps, warnings };
}
