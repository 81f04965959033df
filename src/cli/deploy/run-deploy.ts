/**
 * Runs a deploy plan against the Graph API, step by step, and records each step that succeeded in the
 * lock file before the next one starts. A failed call throws and leaves the lock as the last successful
 * step wrote it; a run after the failure resumes from there (a created flow is not created twice).
 *
 * @example
 * const remoteStatus = entry === undefined ? undefined : await readLockedFlowStatus(client, locked);
 * const plan = planDeploy({ name, entry, hash, categories, publish: true, ...(remoteStatus && { remoteStatus }) });
 * const outcome = await runDeployPlan(plan, { client, wabaId, name, flowJson, lock, saveLock, progress, now });
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowsapi
 */
import { GraphApiError } from "../../graph-api/errors.js";
import type { FlowValidationError } from "../../graph-api/flow-validation-error.js";
import type { GraphApiClient } from "../../graph-api/graph-api-client.js";
import { shortHash, type DeployPlan, type DeployStep } from "./deploy-plan.js";
import type { DeployFlowJson } from "./deploy-source.js";
import { LockedFlowMissingError } from "./errors.js";
import { setLockEntry, type LockEntry, type LockFile } from "./lock-file.js";

/** What {@link runDeployPlan} needs. */
export interface DeployRunOptions {
  readonly client: GraphApiClient;
  readonly wabaId: string;
  readonly name: string;
  readonly flowJson: DeployFlowJson;
  /** The lock as read; the entry of `wabaId`/`name` in it is where the run starts from. */
  readonly lock: LockFile;
  readonly entry: LockEntry | undefined;
  /** Writes the lock (atomically); called after each step that succeeded. */
  readonly saveLock: (lock: LockFile) => Promise<void>;
  /** Prints one progress line. */
  readonly progress: (line: string) => void;
  readonly now: () => Date;
}

/** How a run ended when no call failed: every step done, or stopped by Meta's validation errors. */
export type DeployOutcome =
  | { readonly ok: true; readonly entry: LockEntry; readonly done: readonly DeployStep[] }
  | {
      readonly ok: false;
      readonly entry: LockEntry;
      readonly done: readonly DeployStep[];
      /** Meta's validation errors for the upload (empty when it answered `success: false` without any). */
      readonly validationErrors: readonly FlowValidationError[];
    };

/** Where the flow the lock file records lives, for {@link readLockedFlowStatus}. */
export interface LockedFlow {
  readonly flowId: string;
  readonly wabaId: string;
  readonly name: string;
  /** The lock file as the user named it, for the message. */
  readonly lockPath: string;
}

/**
 * `GET /{FLOW_ID}?fields=id,name,status`: confirms that the flow the lock records still exists, and
 * returns its status. The only request of a run with nothing to change. Throws
 * {@link LockedFlowMissingError} when Meta says the flow does not exist (error 100, subcode 33).
 */
export async function readLockedFlowStatus(
  client: GraphApiClient,
  locked: LockedFlow,
): Promise<string | undefined> {
  try {
    const flow = await client.flows.get(locked.flowId, { fields: ["id", "name", "status"] });
    return flow.status;
  } catch (error) {
    if (
      error instanceof GraphApiError &&
      error.reason._tag === "MetaError" &&
      error.reason.code === 100 &&
      error.reason.error_subcode === 33
    ) {
      throw new LockedFlowMissingError({ ...locked, detail: `Meta error 100/33: ${error.reason.message}` });
    }
    throw error;
  }
}

function withoutHash(entry: LockEntry, updatedAt: string): LockEntry {
  const { flowJsonHash: _dropped, ...rest } = entry;
  return { ...rest, published: false, updatedAt };
}

/** Runs `plan`'s steps in order; Graph API failures throw (`GraphApiError`) after the lock was saved. */
export async function runDeployPlan(plan: DeployPlan, options: DeployRunOptions): Promise<DeployOutcome> {
  const { client, wabaId, name, flowJson, progress } = options;
  let lock = options.lock;
  let entry = options.entry;
  const done: DeployStep[] = [];
  const record = async (next: LockEntry): Promise<LockEntry> => {
    entry = next;
    lock = setLockEntry(lock, wabaId, name, next);
    await options.saveLock(lock);
    return next;
  };
  const stamp = (): string => options.now().toISOString();

  for (const step of plan.steps) {
    if (step.kind === "create") {
      const created = await client.flows.create({
        wabaId,
        name,
        categories: step.categories,
        ...(step.endpointUri === undefined ? {} : { endpointUri: step.endpointUri }),
      });
      await record({
        flowId: created.id,
        ...(step.endpointUri === undefined ? {} : { endpointUri: step.endpointUri }),
        published: false,
        updatedAt: stamp(),
      });
      progress(`created flow ${created.id}`);
      done.push(step);
      continue;
    }
    if (entry === undefined)
      throw new Error(`Cannot ${step.kind} before the flow exists; plan a create first.`);
    const flowId = entry.flowId;
    switch (step.kind) {
      case "upload": {
        const upload = await client.flows.updateFlowJson(flowId, flowJson.text);
        if (!upload.valid) {
          // Meta now holds Flow JSON it rejected: forget the hash, so the next run uploads again.
          const rejected = await record(withoutHash(entry, stamp()));
          return { ok: false, entry: rejected, done, validationErrors: upload.validation_errors };
        }
        await record({ ...entry, flowJsonHash: step.hash, published: false, updatedAt: stamp() });
        progress(`uploaded flow.json (sha256 ${shortHash(step.hash)})`);
        break;
      }
      case "set-endpoint":
        await client.flows.updateMetadata(flowId, { endpointUri: step.endpointUri });
        await record({ ...entry, endpointUri: step.endpointUri, published: false, updatedAt: stamp() });
        progress(`set endpoint_uri ${step.endpointUri}`);
        break;
      case "publish":
        await client.flows.publish(flowId);
        await record({ ...entry, published: true, updatedAt: stamp() });
        progress("published");
        break;
    }
    done.push(step);
  }
  if (entry === undefined) throw new Error("A plan for a flow the lock does not know must create it first.");
  return { ok: true, entry, done };
}
