import { Result } from "effect";
import { describe, expect, it } from "vitest";
import {
  FlowJsonDecodeError,
  FlowJsonSyntaxError,
  decodeFlowJson,
  decodeFlowJsonResult,
  parseFlowJsonText,
  type FlowJsonIssue,
} from "../../src/flow-json/index.js";

/** A one-screen document whose layout holds `children`. */
function documentWith(children: unknown[], screen: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    version: "7.3",
    screens: [{ id: "WELCOME", terminal: true, ...screen, layout: { type: "SingleColumnLayout", children } }],
  };
}

const footer = { type: "Footer", label: "Done", "on-click-action": { name: "complete", payload: {} } };

/** The issues `decodeFlowJson` throws for `input` (fails the test when it does not throw). */
function issuesOf(input: unknown): readonly FlowJsonIssue[] {
  try {
    decodeFlowJson(input);
  } catch (error) {
    expect(error).toBeInstanceOf(FlowJsonDecodeError);
    return (error as FlowJsonDecodeError).issues;
  }
  throw new Error("expected the document to be rejected");
}

describe("decodeFlowJson", () => {
  it("returns a valid document unchanged in content", () => {
    const input = documentWith([{ type: "TextHeading", text: "Hi" }, footer]);
    expect(decodeFlowJson(input)).toEqual(input);
  });

  it("points at a wrong property type deep inside If branches", () => {
    const nested = {
      type: "If",
      condition: "${form.agree}",
      then: [{ type: "TextBody", text: "ok" }],
      else: [{ type: "If", condition: "${data.x}", then: [{ type: "TextInput", name: "age", label: 42 }] }],
    };
    expect(issuesOf(documentWith([{ type: "TextHeading", text: "Hi" }, nested, footer]))).toEqual([
      { pointer: "/screens/0/layout/children/1/else/0/then/0/label", message: "Expected a string, got 42." },
    ]);
  });

  it("names an unknown component type and lists the known ones", () => {
    const [issue] = issuesOf(documentWith([{ type: "Carousel", images: [] }, footer]));
    expect(issue?.pointer).toBe("/screens/0/layout/children/0/type");
    expect(issue?.message).toMatch(
      /^"Carousel" is not a valid component type here; expected one of: .*"ImageCarousel"/,
    );
  });

  it("reports a component without a type", () => {
    const [issue] = issuesOf(documentWith([{ text: "Hi" }, footer]));
    expect(issue?.pointer).toBe("/screens/0/layout/children/0/type");
    expect(issue?.message).toMatch(/^Missing required property "type"; expected one of: "TextHeading"/);
  });

  it("rejects an unknown property and suggests the one that was meant", () => {
    expect(issuesOf(documentWith([{ type: "TextInput", name: "email", lable: "Email" }, footer]))).toEqual([
      {
        pointer: "/screens/0/layout/children/0/lable",
        message: 'TextInput has no property "lable"; did you mean "label"?',
      },
      {
        pointer: "/screens/0/layout/children/0/label",
        message: 'Missing required property "label" (expected a string).',
      },
    ]);
    expect(issuesOf(documentWith([footer], { "refresh-on-back": true }))).toEqual([
      {
        pointer: "/screens/0/refresh-on-back",
        message: 'Unknown property "refresh-on-back"; did you mean "refresh_on_back"?',
      },
    ]);
  });

  it("lists the allowed properties when no known one is close", () => {
    const [issue] = issuesOf({ ...documentWith([footer]), flow_name: "x" });
    expect(issue).toEqual({
      pointer: "/flow_name",
      message:
        'Unknown property "flow_name"; allowed: "version", "data_api_version", "data_channel_uri", "routing_model", "screens".',
    });
  });

  it("reports a missing required property at the pointer it should be at", () => {
    expect(issuesOf(documentWith([{ type: "Footer", label: "Done" }]))).toEqual([
      {
        pointer: "/screens/0/layout/children/0/on-click-action",
        message: 'Missing required property "on-click-action" (expected an action object with a `name`).',
      },
    ]);
    expect(issuesOf({ version: "7.3" })).toEqual([
      { pointer: "/screens", message: 'Missing required property "screens" (expected a list).' },
    ]);
  });

  it("rejects an action name that is unknown or not allowed at that place", () => {
    const openUrlOnFooter = {
      type: "Footer",
      label: "Go",
      "on-click-action": { name: "open_url", url: "https://x.y" },
    };
    expect(issuesOf(documentWith([openUrlOnFooter]))).toEqual([
      {
        pointer: "/screens/0/layout/children/0/on-click-action/name",
        message:
          '"open_url" is not a valid action name here; expected one of: "complete", "data_exchange", "navigate".',
      },
    ]);
    const link = { type: "EmbeddedLink", text: "More", "on-click-action": { name: "submit" } };
    const [issue] = issuesOf(documentWith([link, footer]));
    expect(issue?.pointer).toBe("/screens/0/layout/children/0/on-click-action/name");
    expect(issue?.message).toMatch(
      /^"submit" is not a valid action name here; expected one of: .*"open_url"/,
    );
  });

  it("accepts next.type screen and plugin and rejects anything else", () => {
    const navigate = (type: string) => ({
      type: "EmbeddedLink",
      text: "Next",
      "on-click-action": { name: "navigate", next: { name: "DETAILS", type }, payload: {} },
    });
    expect(() =>
      decodeFlowJson(documentWith([navigate("screen"), navigate("plugin"), footer])),
    ).not.toThrow();
    expect(issuesOf(documentWith([navigate("page"), footer]))).toEqual([
      {
        pointer: "/screens/0/layout/children/0/on-click-action/next/type",
        message: 'Expected "screen" or "plugin", got "page".',
      },
    ]);
  });

  it("takes a binding wherever a dynamic value is allowed, and only there", () => {
    const input = (required: unknown) =>
      documentWith([{ type: "TextInput", name: "n", label: "Name", required }, footer]);
    expect(() => decodeFlowJson(input("${data.required}"))).not.toThrow();
    expect(() => decodeFlowJson(input("`${form.a} == 'x'`"))).not.toThrow();
    expect(issuesOf(input("yes"))).toEqual([
      {
        pointer: "/screens/0/layout/children/0/required",
        message: 'Expected a boolean or a binding such as ${data.x} or a backtick expression, got "yes".',
      },
    ]);
  });

  it("points inside Switch cases, data-source items and calendar ranges", () => {
    const doc = documentWith([
      { type: "Switch", value: "${data.kind}", cases: { premium: [{ type: "TextBody", text: 7 }] } },
      { type: "RadioButtonsGroup", name: "pick", "data-source": [{ id: "a", title: "A" }, { id: "b" }] },
      { type: "CalendarPicker", name: "stay", label: { "start-date": "From", "end-date": false } },
      footer,
    ]);
    expect(issuesOf(doc)).toEqual([
      {
        pointer: "/screens/0/layout/children/0/cases/premium/0/text",
        message: "Expected a string or a list of strings, got 7.",
      },
      {
        pointer: "/screens/0/layout/children/1/data-source/1/title",
        message: 'Missing required property "title" (expected a string).',
      },
      { pointer: "/screens/0/layout/children/2/label/end-date", message: "Expected a string, got false." },
    ]);
  });

  it("escapes ~ and / in pointers as RFC 6901 requires", () => {
    expect(issuesOf({ ...documentWith([footer]), routing_model: { "A/B~C": "WELCOME" } })).toEqual([
      { pointer: "/routing_model/A~1B~0C", message: 'Expected a list, got "WELCOME".' },
    ]);
  });

  it("checks screen data fields and lets other JSON-schema keywords through", () => {
    const data = (field: unknown) => documentWith([footer], { data: { name: field } });
    expect(() =>
      decodeFlowJson(data({ type: "string", minLength: 2, description: "x", __example__: "Ada" })),
    ).not.toThrow();
    expect(() =>
      decodeFlowJson(
        data({ type: "array", items: { type: "object", properties: { id: { type: "string" } } } }),
      ),
    ).not.toThrow();
    expect(issuesOf(data({ __example__: "Ada" }))).toEqual([
      {
        pointer: "/screens/0/data/name/type",
        message:
          'Missing required property "type" (expected "string" or "number" or "integer" or "boolean" or "object" or "array").',
      },
    ]);
    expect(issuesOf(data({ type: "array", items: "string" }))).toEqual([
      {
        pointer: "/screens/0/data/name/items",
        message: 'Expected a schema object or a boolean, got "string".',
      },
    ]);
  });

  it("reports every problem at once, as one readable message without internals", () => {
    const doc = documentWith([
      { type: "TextHeading", text: 1 },
      { type: "Nope" },
      { type: "Footer", label: "x" },
    ]);
    let caught: unknown;
    try {
      decodeFlowJson({ ...doc, version: 7.3 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(Error);
    const error = caught as FlowJsonDecodeError;
    expect(error._tag).toBe("FlowJsonDecodeError");
    expect(error.issues.map((issue) => issue.pointer)).toEqual([
      "/version",
      "/screens/0/layout/children/0/text",
      "/screens/0/layout/children/1/type",
      "/screens/0/layout/children/2/on-click-action",
    ]);
    const lines = error.message.split("\n");
    expect(lines[0]).toBe(
      "The document does not fit the Flow JSON model (4 problems); fix these properties:",
    );
    expect(lines[1]).toBe("  /version: Expected a string, got 7.3.");
    expect(error.message).not.toMatch(/Composite|AnyOf|Pointer|SchemaError|\n\s+at /);
  });

  it("rejects inputs that are not objects at the document pointer", () => {
    expect(issuesOf("flow")).toEqual([{ pointer: "", message: 'Expected an object, got "flow".' }]);
    expect(issuesOf([])).toEqual([{ pointer: "", message: "Expected an object, got a list." }]);
    expect(() => decodeFlowJson(null)).toThrow("(document): Expected an object, got null.");
  });
});

describe("decodeFlowJsonResult", () => {
  it("returns success or failure instead of throwing", () => {
    const good = decodeFlowJsonResult(documentWith([footer]));
    expect(Result.isSuccess(good) && good.success.screens[0]?.id).toBe("WELCOME");
    const bad = decodeFlowJsonResult({ version: "7.3", screens: "none" });
    expect(Result.isFailure(bad) && bad.failure.issues).toEqual([
      { pointer: "/screens", message: 'Expected a list, got "none".' },
    ]);
  });
});

describe("parseFlowJsonText", () => {
  it("parses and decodes text", () => {
    expect(parseFlowJsonText(JSON.stringify(documentWith([footer])))).toEqual(documentWith([footer]));
  });

  it("reports a syntax error with line and column before looking at the model", () => {
    const text = '{\n  "version": "7.3",\n  "screens": [}\n}';
    expect(() => parseFlowJsonText(text)).toThrow(FlowJsonSyntaxError);
    try {
      parseFlowJsonText(text);
    } catch (error) {
      expect(error).toMatchObject({ _tag: "FlowJsonSyntaxError", line: 3, column: 15 });
      expect((error as Error).message).toBe(
        "Invalid JSON at line 3, column 15: expected a value, found '}'.",
      );
    }
  });

  it("reports model problems of well-formed text as a decode error", () => {
    expect(() => parseFlowJsonText('{ "version": "7.3" }')).toThrow(FlowJsonDecodeError);
  });
});
