import { describe, expect, it } from "vitest";
import {
  metaPathToPointer,
  validationErrorsToDiagnostics,
} from "../../src/graph-api/flow-validation-error.js";

describe("Meta validation errors as diagnostics", () => {
  it("turns Meta's paths into JSON pointers", () => {
    expect(metaPathToPointer("screens[0].layout.children[12].type")).toBe(
      "/screens/0/layout/children/12/type",
    );
    expect(metaPathToPointer("$root/screens/0/id")).toBe("/screens/0/id");
    expect(metaPathToPointer("routing_model.SIGN_IN[1]")).toBe("/routing_model/SIGN_IN/1");
    expect(metaPathToPointer("data.a~b")).toBe("/data/a~0b");
    expect(metaPathToPointer("")).toBe("");
  });

  it("keeps the code, points at the first path and puts line:column in the message", () => {
    expect(
      validationErrorsToDiagnostics([
        {
          error: "INVALID_PROPERTY_VALUE",
          error_type: "FLOW_JSON_ERROR",
          message: "Invalid value found for property 'type'.",
          line_start: 10,
          line_end: 10,
          column_start: 21,
          column_end: 34,
          pointers: [
            {
              line_start: 10,
              line_end: 10,
              column_start: 21,
              column_end: 34,
              path: "screens[0].layout.children[0].type",
            },
          ],
        },
        { error: "INVALID_FLOW_JSON", error_type: "JSON_SCHEMA_ERROR", message: "Invalid Flow JSON" },
      ]),
    ).toEqual([
      {
        code: "INVALID_PROPERTY_VALUE",
        severity: "error",
        pointer: "/screens/0/layout/children/0/type",
        message: "Invalid value found for property 'type'. (line 10:21)",
      },
      { code: "INVALID_FLOW_JSON", severity: "error", pointer: "", message: "Invalid Flow JSON" },
    ]);
  });
});
