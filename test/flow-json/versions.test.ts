import { describe, expect, it } from "vitest";
import {
  compareVersions,
  DATA_API_VERSIONS,
  FLOW_JSON_VERSIONS,
  isAtLeast,
  isDataApiVersion,
  isFlowJsonVersion,
  LATEST_DATA_API_VERSION,
  LATEST_FLOW_JSON_VERSION,
  parseVersion,
} from "../../src/flow-json/versions.js";

describe("Flow JSON versions", () => {
  it("lists Meta's published versions, oldest first, the latest last", () => {
    expect(FLOW_JSON_VERSIONS).toEqual([
      "2.1",
      "3.0",
      "3.1",
      "4.0",
      "5.0",
      "5.1",
      "6.0",
      "6.1",
      "6.2",
      "6.3",
      "7.0",
      "7.1",
      "7.2",
      "7.3",
    ]);
    expect([...FLOW_JSON_VERSIONS].sort(compareVersions)).toEqual([...FLOW_JSON_VERSIONS]);
    expect(LATEST_FLOW_JSON_VERSION).toBe(FLOW_JSON_VERSIONS[FLOW_JSON_VERSIONS.length - 1]);
  });

  it("lists the Data API versions", () => {
    expect(DATA_API_VERSIONS).toEqual(["3.0", "4.0"]);
    expect(LATEST_DATA_API_VERSION).toBe("4.0");
  });

  it("recognises published versions only, as exact strings", () => {
    expect(isFlowJsonVersion("6.1")).toBe(true);
    expect(isFlowJsonVersion("7.4")).toBe(false);
    expect(isFlowJsonVersion(7.3)).toBe(false);
    expect(isFlowJsonVersion("7.30")).toBe(false);
    expect(isDataApiVersion("3.0")).toBe(true);
    expect(isDataApiVersion("3")).toBe(false);
  });
});

describe("parseVersion", () => {
  it("reads major and minor as integers", () => {
    expect(parseVersion("7.10")).toEqual({ major: 7, minor: 10 });
    expect(parseVersion("0.0")).toEqual({ major: 0, minor: 0 });
  });

  it.each(["7", "7.", ".3", "7.3.1", "07.3", "7.03", " 7.3", "7.3 ", "v7.3", "", "7,3"])(
    "refuses %j",
    (text) => {
      expect(parseVersion(text)).toBeUndefined();
    },
  );

  it("refuses values that are not strings", () => {
    expect(parseVersion(7.3)).toBeUndefined();
    expect(parseVersion(null)).toBeUndefined();
  });
});

describe("compareVersions", () => {
  it("compares numerically per component, so 7.10 comes after 7.9", () => {
    expect(compareVersions("7.10", "7.9")).toBeGreaterThan(0);
    expect(compareVersions("7.9", "7.10")).toBeLessThan(0);
    expect(compareVersions("10.0", "9.9")).toBeGreaterThan(0);
    expect(compareVersions("6.1", "6.1")).toBe(0);
    expect(["7.10", "7.9", "2.1", "10.0"].sort(compareVersions)).toEqual(["2.1", "7.9", "7.10", "10.0"]);
  });

  it("sorts versions that do not parse first", () => {
    expect(compareVersions("latest", "2.1")).toBeLessThan(0);
    expect(compareVersions("2.1", "latest")).toBeGreaterThan(0);
    expect(compareVersions("x", "y")).toBe(0);
  });

  it("isAtLeast is false when either side does not parse", () => {
    expect(isAtLeast("7.10", "7.9")).toBe(true);
    expect(isAtLeast("6.0", "6.1")).toBe(false);
    expect(isAtLeast("latest", "2.1")).toBe(false);
    expect(isAtLeast("7.3", "newest")).toBe(false);
  });
});
