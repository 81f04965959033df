/**
 * The deploy plan: which Graph API writes bring a flow on Meta's side to the local Flow JSON, decided
 * from the lock file entry alone (plus the flow's status when it was read). Pure, so `--dry-run` prints
 * exactly what a real run would do, and a run with nothing to change plans no write at all.
 *
 * @example
 * const plan = planDeploy({ entry, hash, categories: ["SIGN_IN"], publish: true });
 * plan.steps.map(describeStep); // ['create flow "Sign in" (categories SIGN_IN)', "upload flow.json (sha256 3f0c9a1b2d4e…)", "publish"]
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/flowsapi
 */
import type { FlowCategory } from "../../graph-api/flow-details.js";
import type { LockEntry } from "./lock-file.js";

/** One Graph API write of a deploy, in the order they run. */
export type DeployStep =
  | {
      /** `POST /{WABA_ID}/flows` with name, categories and endpoint_uri. */
      readonly kind: "create";
      readonly name: string;
      readonly categories: readonly FlowCategory[];
      readonly endpointUri?: string;
    }
  /** `POST /{FLOW_ID}/assets`: the Flow JSON, as multipart. */
  | { readonly kind: "upload"; readonly hash: string }
  /** `POST /{FLOW_ID}` with endpoint_uri. */
  | { readonly kind: "set-endpoint"; readonly endpointUri: string }
  /** `POST /{FLOW_ID}/publish`. */
  | { readonly kind: "publish" };

/** What {@link planDeploy} decides from. */
export interface DeployPlanInput {
  /** The flow's name (`--name`). */
  readonly name: string;
  /** The lock file's entry for the flow, absent when it does not know it. */
  readonly entry: LockEntry | undefined;
  /** Hash of the local Flow JSON. */
  readonly hash: string;
  /** Categories for a new flow. */
  readonly categories: readonly FlowCategory[];
  /** `--endpoint-uri`, when given. */
  readonly endpointUri?: string;
  /** `--publish`. */
  readonly publish: boolean;
  /** The flow's status as Meta reported it this run; absent when it was not read (dry run, new flow). */
  readonly remoteStatus?: string;
}

/** The writes to make, and a progress line for each thing that needs none. */
export interface DeployPlan {
  readonly steps: readonly DeployStep[];
  readonly skipped: readonly string[];
}

/** How many hex digits of a hash progress lines show. */
const SHORT_HASH = 12;

/** `3f0c9a1b2d4e…`: the start of a content hash, for progress lines. */
export function shortHash(hash: string): string {
  return `${hash.slice(0, SHORT_HASH)}…`;
}

function publishedAlready(entry: LockEntry, remoteStatus: string | undefined): string | undefined {
  if (remoteStatus === undefined) return entry.published === true ? "already published" : undefined;
  if (remoteStatus === "DRAFT") return undefined;
  return remoteStatus === "PUBLISHED" ? "already published" : `flow is ${remoteStatus}`;
}

/**
 * Plans a deploy: create when the lock does not know the flow; upload when the hash differs from the
 * lock's; set endpoint_uri when given and different from the lock's; publish when asked, unless nothing
 * changed and the flow is already published (uploading or changing metadata makes a published flow a
 * draft again, so any change is published anew).
 */
export function planDeploy(input: DeployPlanInput): DeployPlan {
  const { entry } = input;
  const steps: DeployStep[] = [];
  const skipped: string[] = [];
  if (entry === undefined) {
    steps.push({
      kind: "create",
      name: input.name,
      categories: input.categories,
      ...(input.endpointUri === undefined ? {} : { endpointUri: input.endpointUri }),
    });
  }
  if (entry?.flowJsonHash === input.hash) skipped.push("unchanged: skipped upload");
  else steps.push({ kind: "upload", hash: input.hash });
  if (entry !== undefined && input.endpointUri !== undefined) {
    if (entry.endpointUri === input.endpointUri) skipped.push("unchanged: skipped endpoint_uri");
    else steps.push({ kind: "set-endpoint", endpointUri: input.endpointUri });
  }
  if (input.publish) {
    const reason =
      entry === undefined || steps.length > 0 ? undefined : publishedAlready(entry, input.remoteStatus);
    if (reason === undefined) steps.push({ kind: "publish" });
    else skipped.push(`${reason}: skipped publish`);
  }
  return { steps, skipped };
}

/** One plan line for `--dry-run`. */
export function describeStep(step: DeployStep): string {
  switch (step.kind) {
    case "create": {
      const endpoint = step.endpointUri === undefined ? "" : `, endpoint_uri ${step.endpointUri}`;
      return `create flow "${step.name}" (categories ${step.categories.join(",")}${endpoint})`;
    }
    case "upload":
      return `upload flow.json (sha256 ${shortHash(step.hash)})`;
    case "set-endpoint":
      return `set endpoint_uri ${step.endpointUri}`;
    case "publish":
      return "publish";
  }
}
