/**
 * Steady load for fault and soak tests: `concurrency` virtual users, each walking the sign-in journeys
 * over HTTP with a fresh flow token per journey, until the signal is aborted. Every request is recorded
 * (start, duration, what came back) and every token keeps a tally of the steps it surely committed and
 * of the attempts whose outcome the client could not know, so a test can compare the store with what
 * the users saw.
 *
 * A user who gets the endpoint's own failure snackbar taps again (after `retryDelayMs`), as a WhatsApp
 * user would; a user whose connection breaks gives the journey up.
 *
 * @example
 * const stop = new AbortController();
 * const load = runFlowLoad({ client, concurrency: 16, tokenPrefix: "soak", signal: stop.signal });
 * await sleep(5_000);
 * stop.abort();
 * const { requests, tokens } = await load;
 */
import { performance } from "node:perf_hooks";
import type { FlowClient } from "./flow-client.js";
import {
  completedMessage,
  endpointFailureMessages,
  ENTRY_SCREEN,
  readReply,
  signInJourneys,
  type Journey,
  type JourneyStep,
} from "./sign-in-journeys.js";

/** What one request got. */
export type RequestOutcome =
  /** The reply the journey expects: the step is committed. */
  | "ok"
  /** 427 "already submitted" for a completing step sent again after an attempt with an unknown outcome. */
  | "completed-earlier"
  /** The endpoint's failure snackbar on the screen the request came from: not committed, or not surely. */
  | "failure-reply"
  /** No HTTP answer (reset, refused): the outcome is unknown. */
  | "connection-error"
  /** Still no answer after `requestTimeoutMs` (WhatsApp gives up after 10 s): the user gives up. */
  | "no-answer"
  /** Anything else: a test fails on it. */
  | "unexpected";

export interface RequestRecord {
  readonly token: string;
  readonly journey: string;
  readonly step: number;
  readonly action: string;
  /** The screen the request came from (undefined for INIT). */
  readonly screen: string | undefined;
  /** `performance.now()` when the request was sent, and how long the answer took. */
  readonly started: number;
  readonly durationMs: number;
  readonly outcome: RequestOutcome;
  readonly status?: number;
  readonly reply?: unknown;
  readonly error?: string;
}

/** What the users saw for one flow token. */
export interface TokenTally {
  readonly token: string;
  readonly journey: string;
  /** Steps whose reply came back as expected: each wrote the session once. */
  committed: number;
  /** Attempts that failed with an unknown outcome: each may or may not have written the session. */
  uncertain: number;
  /** The flow reached SUCCESS (or its completing step was found applied). */
  completed: boolean;
  /** The journey was given up (a broken connection, or the load stopped mid-journey). */
  abandoned: boolean;
}

export interface FlowLoadOptions {
  readonly client: FlowClient;
  readonly concurrency: number;
  readonly tokenPrefix: string;
  /** Each user finishes the request it is waiting for, then stops. */
  readonly signal: AbortSignal;
  readonly journeys?: readonly Journey[];
  /** Pause before a user taps again after a failure snackbar (default 50 ms). */
  readonly retryDelayMs?: number;
  /** How long a user waits for an answer before giving the journey up (default 10 000 ms, as WhatsApp). */
  readonly requestTimeoutMs?: number;
  /** Called with each record as it is made (for live counters). */
  readonly onRecord?: (record: RequestRecord) => void;
}

export interface FlowLoadResult {
  readonly requests: readonly RequestRecord[];
  readonly tokens: ReadonlyMap<string, TokenTally>;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const code = (error as { code?: unknown }).code ?? (cause as { code?: unknown } | undefined)?.code;
  return typeof code === "string" ? `${error.message} (${code})` : error.message;
}

function classify(
  step: JourneyStep,
  answer: { status: number; reply: unknown },
  retriedAfterUnknown: boolean,
): RequestOutcome {
  const { screen, errorMessage, errorMsg } = readReply(answer.reply);
  if (answer.status === 200 && screen === step.expect.screen && errorMessage === step.expect.errorMessage) {
    return "ok";
  }
  const from = step.request.screen ?? ENTRY_SCREEN;
  if (answer.status === 200 && screen === from && endpointFailureMessages.has(String(errorMessage))) {
    return "failure-reply";
  }
  if (
    answer.status === 427 &&
    errorMsg === completedMessage &&
    step.expect.screen === "SUCCESS" &&
    retriedAfterUnknown
  ) {
    return "completed-earlier";
  }
  return "unexpected";
}

/** Settles like `work`, or resolves `undefined` after `ms` (the work is then left to settle unobserved). */
async function withinTime<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  work.catch(() => undefined);
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs the load until `options.signal` is aborted; resolves once every user has stopped. */
export async function runFlowLoad(options: FlowLoadOptions): Promise<FlowLoadResult> {
  const journeys = options.journeys ?? signInJourneys;
  const retryDelayMs = options.retryDelayMs ?? 50;
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  const requests: RequestRecord[] = [];
  const tokens = new Map<string, TokenTally>();

  const record = (entry: RequestRecord) => {
    requests.push(entry);
    options.onRecord?.(entry);
  };

  const walk = async (journey: Journey, token: string): Promise<void> => {
    const tally: TokenTally = {
      token,
      journey: journey.name,
      committed: 0,
      uncertain: 0,
      completed: false,
      abandoned: false,
    };
    tokens.set(token, tally);
    for (const [index, step] of journey.steps.entries()) {
      let retriedAfterUnknown = false;
      for (;;) {
        if (options.signal.aborted) {
          tally.abandoned = true;
          return;
        }
        const begin = performance.now();
        const base = {
          token,
          journey: journey.name,
          step: index,
          action: step.request.action,
          screen: step.request.screen,
          started: begin,
        };
        let answer: { status: number; reply: unknown } | undefined;
        try {
          answer = await withinTime(
            options.client.request({ version: "3.0", ...step.request, flow_token: token }),
            requestTimeoutMs,
          );
        } catch (error) {
          tally.uncertain += 1;
          tally.abandoned = true;
          record({
            ...base,
            durationMs: performance.now() - begin,
            outcome: "connection-error",
            error: describeError(error),
          });
          return;
        }
        if (answer === undefined) {
          tally.uncertain += 1;
          tally.abandoned = true;
          record({ ...base, durationMs: performance.now() - begin, outcome: "no-answer" });
          return;
        }
        const outcome = classify(step, answer, retriedAfterUnknown);
        record({
          ...base,
          durationMs: performance.now() - begin,
          outcome,
          status: answer.status,
          reply: answer.reply,
        });
        if (outcome === "ok" || outcome === "completed-earlier") {
          if (outcome === "ok") tally.committed += 1;
          if (step.expect.screen === "SUCCESS") tally.completed = true;
          break;
        }
        if (outcome === "unexpected") {
          tally.abandoned = true;
          return;
        }
        tally.uncertain += 1;
        retriedAfterUnknown = true;
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
      }
    }
  };

  const user = async (index: number): Promise<void> => {
    for (let round = 0; !options.signal.aborted; round += 1) {
      const journey = journeys[(index + round) % journeys.length] as Journey;
      await walk(journey, `${options.tokenPrefix}-${index}-${round}`);
    }
  };

  await Promise.all(Array.from({ length: options.concurrency }, (_, index) => user(index)));
  return { requests, tokens };
}

/** Records by outcome, for messages and summaries. */
export function countOutcomes(records: readonly RequestRecord[]): Record<RequestOutcome, number> {
  const counts: Record<RequestOutcome, number> = {
    ok: 0,
    "completed-earlier": 0,
    "failure-reply": 0,
    "connection-error": 0,
    "no-answer": 0,
    unexpected: 0,
  };
  for (const entry of records) counts[entry.outcome] += 1;
  return counts;
}
