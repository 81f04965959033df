/**
 * Every Flow JSON sample in ../shared (Meta's WhatsApp-Flows-Tools, pywa's golden files, the brief's
 * seed flows) is expected valid: the validator must report no error on any of them.
 */
import { describe, expect, it } from "vitest";
import { validateFlowJson } from "../../src/flow-json/validate/validate-flow-json.js";
import { listShared, readSharedJson } from "../helpers/shared-path.js";

const FOLDERS = ["corpus/pywa-flows", "corpus/meta-flows", "fixtures/seed"];
const samples = FOLDERS.flatMap((folder) =>
  listShared(folder, ".flow.json").map((name) => `${folder}/${name}`),
);

describe("validateFlowJson on the shared corpus", () => {
  it("finds the samples", () => {
    expect(samples.length).toBeGreaterThanOrEqual(30);
  });

  it.each(samples)("reports no error for %s", (path) => {
    const errors = validateFlowJson(readSharedJson(path)).filter((d) => d.severity === "error");
    expect(errors).toEqual([]);
  });

  it("keeps the documented warnings on Meta's NavigationList sample", () => {
    const warnings = validateFlowJson(
      readSharedJson("corpus/pywa-flows/pywa.v6_2.navigation-list.flow.json"),
    );
    expect(warnings.map((d) => `${d.severity} ${d.code} ${d.pointer}`)).toEqual([
      "warning INVALID_NAVIGATE_ACTION_NEXT_SCREEN_NAME /screens/0/layout/children/0/list-items/2/on-click-action/next/name",
      "warning INVALID_NAVIGATE_ACTION_PAYLOAD /screens/0/layout/children/0/list-items/3/on-click-action/payload",
      "warning INVALID_NAVIGATE_ACTION_PAYLOAD /screens/0/layout/children/0/list-items/4/on-click-action/payload/first_name",
    ]);
  });
});
