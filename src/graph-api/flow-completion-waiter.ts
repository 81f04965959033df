/**
 * Waiting for the completion of one sent flow: the first completion whose `context.id` is the sent
 * message's id (or whose `flow_token` is the sent token) resolves the wait.
 */
import { FlowCompletionTimeoutError, GraphApiInputError } from "./errors.js";
import type { FlowCompletion } from "./flow-completion.js";
import type { Listener } from "./webhook-listeners.js";

/** Which completion to wait for, and how long. */
export interface WaitForFlowCompletionOptions {
  /** The wamid of the flow message (`SentFlowMessage.messageId`); matched against `context.id`. */
  readonly messageId?: string;
  /** The `flow_token` the message carried; matched when `messageId` is not given or does not match. */
  readonly flowToken?: string;
  /** Give up after this long (default 15 minutes). */
  readonly timeoutMs?: number;
}

/**
 * Resolves with the matching completion, or rejects with {@link FlowCompletionTimeoutError}. The
 * listener is removed either way, so a wait never leaks.
 *
 * @example
 * const sent = await client.messages.sendFlowMessage({ phoneNumberId, to, body: "Rate us", cta: "Rate", flowId, screen: "RATE" });
 * const completion = await waitForFlowCompletion(webhook, { messageId: sent.messageId, flowToken: sent.flowToken });
 */
export function waitForFlowCompletion(
  source: { readonly onFlowCompletion: (listener: Listener<FlowCompletion>) => () => void },
  options: WaitForFlowCompletionOptions,
): Promise<FlowCompletion> {
  if (options.messageId === undefined && options.flowToken === undefined) {
    return Promise.reject(
      new GraphApiInputError({ field: "messageId", message: "Give messageId or flowToken to wait for." }),
    );
  }
  const timeoutMs = options.timeoutMs ?? 15 * 60 * 1000;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(
        new FlowCompletionTimeoutError({
          timeoutMs,
          message: `No matching flow completion arrived within ${timeoutMs} ms.`,
        }),
      );
    }, timeoutMs);
    const unsubscribe = source.onFlowCompletion((completion) => {
      const byMessage = options.messageId !== undefined && completion.contextMessageId === options.messageId;
      const byToken = options.flowToken !== undefined && completion.flowToken === options.flowToken;
      if (!byMessage && !byToken) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(completion);
    });
  });
}
