import { describe, expect, it } from "vitest";
import { describeStep, planDeploy, type DeployPlanInput } from "../../../src/cli/deploy/deploy-plan.js";
import type { LockEntry } from "../../../src/cli/deploy/lock-file.js";

const HASH = "a".repeat(64);
const OTHER_HASH = "b".repeat(64);
const ENDPOINT = "https://flows.example.com/sign-in";

const base: DeployPlanInput = {
  name: "Sign in",
  entry: undefined,
  hash: HASH,
  categories: ["SIGN_IN"],
  publish: false,
};
const deployed: LockEntry = {
  flowId: "1234567890",
  flowJsonHash: HASH,
  endpointUri: ENDPOINT,
  published: true,
  updatedAt: "2025-06-01T09:30:00.000Z",
};

describe("planDeploy", () => {
  it("creates (with the endpoint), uploads and publishes a flow the lock does not know", () => {
    const plan = planDeploy({ ...base, endpointUri: ENDPOINT, publish: true });
    expect(plan).toEqual({
      steps: [
        { kind: "create", name: "Sign in", categories: ["SIGN_IN"], endpointUri: ENDPOINT },
        { kind: "upload", hash: HASH },
        { kind: "publish" },
      ],
      skipped: [],
    });
    expect(plan.steps.map(describeStep)).toEqual([
      `create flow "Sign in" (categories SIGN_IN, endpoint_uri ${ENDPOINT})`,
      `upload flow.json (sha256 ${"a".repeat(12)}…)`,
      "publish",
    ]);
  });

  it("plans no write when the hash, the endpoint and the published state match", () => {
    expect(planDeploy({ ...base, entry: deployed, endpointUri: ENDPOINT, publish: true })).toEqual({
      steps: [],
      skipped: [
        "unchanged: skipped upload",
        "unchanged: skipped endpoint_uri",
        "already published: skipped publish",
      ],
    });
    expect(planDeploy({ ...base, entry: deployed }).steps).toEqual([]);
  });

  it("uploads and publishes again when the content changed, since an upload makes the flow a draft", () => {
    expect(planDeploy({ ...base, hash: OTHER_HASH, entry: deployed, publish: true }).steps).toEqual([
      { kind: "upload", hash: OTHER_HASH },
      { kind: "publish" },
    ]);
  });

  it("sets a changed endpoint_uri on an existing flow and publishes it again", () => {
    const moved = "https://flows.example.com/v2/sign-in";
    expect(planDeploy({ ...base, entry: deployed, endpointUri: moved, publish: true }).steps).toEqual([
      { kind: "set-endpoint", endpointUri: moved },
      { kind: "publish" },
    ]);
    expect(describeStep({ kind: "set-endpoint", endpointUri: moved })).toBe(`set endpoint_uri ${moved}`);
  });

  it("uploads when the lock has no hash (the last upload was rejected)", () => {
    const { flowJsonHash: _hash, ...rejected } = deployed;
    expect(planDeploy({ ...base, entry: { ...rejected, published: false } }).steps).toEqual([
      { kind: "upload", hash: HASH },
    ]);
  });

  it("trusts the status Meta reported over the lock's published flag", () => {
    const draft = planDeploy({ ...base, entry: deployed, publish: true, remoteStatus: "DRAFT" });
    expect(draft.steps).toEqual([{ kind: "publish" }]);
    const unpublishedInLock = { ...deployed, published: false };
    expect(planDeploy({ ...base, entry: unpublishedInLock, publish: true }).steps).toEqual([
      { kind: "publish" },
    ]);
    const publishedElsewhere = planDeploy({
      ...base,
      entry: unpublishedInLock,
      publish: true,
      remoteStatus: "PUBLISHED",
    });
    expect(publishedElsewhere).toEqual({
      steps: [],
      skipped: ["unchanged: skipped upload", "already published: skipped publish"],
    });
    expect(
      planDeploy({ ...base, entry: deployed, publish: true, remoteStatus: "DEPRECATED" }).skipped,
    ).toContain("flow is DEPRECATED: skipped publish");
  });

  it("describes a create without an endpoint and with several categories", () => {
    const [create] = planDeploy({ ...base, categories: ["SURVEY", "OTHER"] }).steps;
    expect(create === undefined ? "" : describeStep(create)).toBe(
      'create flow "Sign in" (categories SURVEY,OTHER)',
    );
  });
});
