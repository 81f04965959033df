/**
 * The listeners of a webhook handler: typed registrations that return an unsubscribe function, an async
 * iterator over every update, and error isolation (a failing listener is logged, the others still run).
 */
import type { FlowCompletion } from "./flow-completion.js";
import type { FlowAlertUpdate, FlowStatusUpdate, UnknownUpdate, WebhookUpdate } from "./webhook-updates.js";

/** A listener; it may be async, and what it throws is logged, never sent back to Meta. */
export type Listener<T> = (update: T) => void | Promise<void>;

/** Where the handler reports listener failures and rejected deliveries. */
export interface WebhookLogger {
  readonly warn: (message: string) => void;
  readonly error: (message: string, error: unknown) => void;
}

/** Most updates an iterator keeps for a slow consumer before dropping the oldest. */
export const MAX_BUFFERED_UPDATES = 10_000;

/** Registration and dispatch of typed listeners. */
export interface WebhookListeners {
  readonly onFlowCompletion: (listener: Listener<FlowCompletion>) => () => void;
  readonly onFlowStatus: (listener: Listener<FlowStatusUpdate>) => () => void;
  readonly onFlowAlert: (listener: Listener<FlowAlertUpdate>) => () => void;
  readonly onUnknown: (listener: Listener<UnknownUpdate>) => () => void;
  readonly onUpdate: (listener: Listener<WebhookUpdate>) => () => void;
  /** The parsed body of every signed delivery, before any typing. */
  readonly onRaw: (listener: Listener<unknown>) => () => void;
  /** Every update from now on, until the loop is left. */
  readonly updates: () => AsyncIterableIterator<WebhookUpdate>;
  readonly dispatchRaw: (body: unknown) => Promise<void>;
  readonly dispatch: (update: WebhookUpdate) => Promise<void>;
}

function register<T>(set: Set<Listener<T>>, listener: Listener<T>): () => void {
  const entry: Listener<T> = (update) => listener(update);
  set.add(entry);
  return () => {
    set.delete(entry);
  };
}

/**
 * Makes the listener registry; `logger.error` receives each listener failure.
 *
 * @example
 * const listeners = createWebhookListeners(console);
 * const stop = listeners.onFlowStatus((update) => console.log(update.event.new_status));
 * stop();
 */
export function createWebhookListeners(logger: WebhookLogger): WebhookListeners {
  const completion = new Set<Listener<FlowCompletion>>();
  const status = new Set<Listener<FlowStatusUpdate>>();
  const alert = new Set<Listener<FlowAlertUpdate>>();
  const unknown = new Set<Listener<UnknownUpdate>>();
  const every = new Set<Listener<WebhookUpdate>>();
  const raw = new Set<Listener<unknown>>();

  async function run<T>(set: Set<Listener<T>>, value: T, what: string): Promise<void> {
    for (const listener of [...set]) {
      try {
        await listener(value);
      } catch (error) {
        logger.error(`A webhook ${what} listener failed; the delivery was still acknowledged.`, error);
      }
    }
  }

  function updates(): AsyncIterableIterator<WebhookUpdate> {
    const buffered: WebhookUpdate[] = [];
    const waiting: ((result: IteratorResult<WebhookUpdate>) => void)[] = [];
    let done = false;
    const unsubscribe = register(every, (update) => {
      const next = waiting.shift();
      if (next !== undefined) return next({ value: update, done: false });
      buffered.push(update);
      if (buffered.length > MAX_BUFFERED_UPDATES) {
        buffered.shift();
        logger.warn(
          `A webhook update iterator fell ${MAX_BUFFERED_UPDATES} updates behind; the oldest was dropped.`,
        );
      }
    });
    const finish = (): Promise<IteratorResult<WebhookUpdate>> => {
      done = true;
      unsubscribe();
      buffered.length = 0;
      for (const next of waiting.splice(0)) next({ value: undefined, done: true });
      return Promise.resolve({ value: undefined, done: true });
    };
    return {
      next: () => {
        const update = buffered.shift();
        if (update !== undefined) return Promise.resolve({ value: update, done: false });
        if (done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => waiting.push(resolve));
      },
      return: finish,
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  return {
    onFlowCompletion: (listener) => register(completion, listener),
    onFlowStatus: (listener) => register(status, listener),
    onFlowAlert: (listener) => register(alert, listener),
    onUnknown: (listener) => register(unknown, listener),
    onUpdate: (listener) => register(every, listener),
    onRaw: (listener) => register(raw, listener),
    updates,
    dispatchRaw: (body) => run(raw, body, "raw"),
    dispatch: async (update) => {
      if (update.kind === "flow_completion") await run(completion, update, "flow completion");
      else if (update.kind === "flow_status") await run(status, update, "flow status");
      else if (update.kind === "flow_alert") await run(alert, update, "flow alert");
      else await run(unknown, update, "unknown update");
      await run(every, update, "update");
    },
  };
}
