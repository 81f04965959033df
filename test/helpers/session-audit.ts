/**
 * After a fault: compares every session in the store with what the users saw (each token's tally from
 * the load generator), then continues every flow over HTTP to prove the session restores. A session is
 * sound when its JSON parses, its version lies between the steps surely committed and those plus the
 * attempts whose outcome was unknown (nothing acknowledged is lost, nothing is applied twice), a
 * completed flow is a tombstone, and the next request on it either moves on (200, and the version goes
 * up by one) or is refused because the flow is finished (427).
 *
 * @example
 * const audit = await auditSessions({ store, client, tallies: load.tokens.values() });
 * expect(audit.problems).toEqual([]);
 */
import type { SessionStore } from "../../src/transport/store/session-store.js";
import type { FlowClient } from "./flow-client.js";
import type { TokenTally } from "./flow-load.js";
import { classifyContinuation, wrongPasswordStep } from "./sign-in-journeys.js";

export interface SessionAuditOptions {
  /** A connection of the test's own to the store `serve` uses. */
  readonly store: SessionStore;
  readonly client: FlowClient;
  readonly tallies: Iterable<TokenTally>;
  /** Tokens checked at once (default 8). */
  readonly concurrency?: number;
}

export interface SessionAudit {
  /** One line per problem found; empty when every session is sound. */
  readonly problems: readonly string[];
  readonly checked: number;
  /** Flows found finished (427 on the next request). */
  readonly completed: number;
  /** Flows that moved on with one more request. */
  readonly continued: number;
}

async function auditOne(
  options: SessionAuditOptions,
  tally: TokenTally,
): Promise<{ problem?: string; outcome?: "completed" | "continued" }> {
  const { store, client } = options;
  const label = `${tally.token} (${tally.journey}: ${tally.committed} committed, ${tally.uncertain} unknown)`;
  const before = await store.get(tally.token);
  const version = before?.version ?? 0;
  if (version < tally.committed || version > tally.committed + tally.uncertain) {
    return { problem: `${label}: stored version ${version}` };
  }
  if (before !== undefined) {
    try {
      JSON.parse(before.value);
    } catch {
      return { problem: `${label}: the stored value is not JSON` };
    }
  }
  if (tally.completed && before?.completed !== true) {
    return { problem: `${label}: the flow completed but the session is no tombstone` };
  }
  const answer = await client.request({
    version: "3.0",
    ...wrongPasswordStep.request,
    flow_token: tally.token,
  });
  const outcome = classifyContinuation(answer);
  if (outcome === "completed") {
    return before?.completed === true
      ? { outcome }
      : { problem: `${label}: 427 'completed' for a session that is no tombstone` };
  }
  if (outcome !== "continued") return { problem: `${label}: continuing gave ${outcome}` };
  if (before?.completed === true) return { problem: `${label}: a finished flow moved on` };
  const after = await store.get(tally.token);
  if (after?.version !== version + 1) {
    return { problem: `${label}: continuing moved the version from ${version} to ${after?.version}` };
  }
  return { outcome };
}

/** Audits every token of `tallies`; resolves with the problems found. */
export async function auditSessions(options: SessionAuditOptions): Promise<SessionAudit> {
  const queue = [...options.tallies];
  const problems: string[] = [];
  let completed = 0;
  let continued = 0;
  const worker = async () => {
    for (let tally = queue.shift(); tally !== undefined; tally = queue.shift()) {
      const result = await auditOne(options, tally);
      if (result.problem !== undefined) problems.push(result.problem);
      if (result.outcome === "completed") completed += 1;
      if (result.outcome === "continued") continued += 1;
    }
  };
  const total = queue.length;
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  return { problems, checked: total, completed, continued };
}

/** The endpoint's request log lines (`"kind":"request"`) in a `serve` process's stdout, parsed. */
export function requestLog(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .split("\n")
    .filter((line) => line.startsWith("{") && line.includes('"kind":"request"'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** How many logged requests failed with each error tag. */
export function errorTagCounts(stdout: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of requestLog(stdout)) {
    if (typeof entry["error"] === "string") counts[entry["error"]] = (counts[entry["error"]] ?? 0) + 1;
  }
  return counts;
}
