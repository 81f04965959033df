import { describe, expect, it } from "vitest";
import type { AnyStateNode } from "xstate";
import signIn from "../../examples/sign-in/flow.js";
import { signInScreens } from "../../examples/sign-in/screens.js";
import type { Screen } from "../../src/flow-json/types.js";
import { defineFlow, isFlow } from "../../src/machine/index.js";

function layout(...children: Screen["layout"]["children"]): Screen["layout"] {
  return { type: "SingleColumnLayout", children };
}

const navigate = (name: string) => ({
  name: "navigate" as const,
  next: { type: "screen" as const, name },
  payload: {},
});

describe("defineFlow(...).createFlow(...)", () => {
  it("makes one top-level state per screen, with its Flow JSON, title and flags", () => {
    const root = signIn.machine.root;
    expect(Object.keys(root.states)).toEqual([
      "SIGN_IN",
      "SIGN_UP",
      "FORGOT_PASSWORD",
      "TERMS_AND_CONDITIONS",
      "SUCCESS",
    ]);
    const state = root.states["SIGN_IN"] as AnyStateNode;
    expect(state.meta).toEqual({ screen: signInScreens.SIGN_IN });
    expect(state.description).toBe("Sign in");
    expect([...state.tags]).toEqual(["terminal", "success"]);
    expect([...(root.states["SIGN_UP"] as AnyStateNode).tags]).toEqual([]);
    expect((root.states["SUCCESS"] as AnyStateNode).type).toBe("final");
    expect(signIn.machine.config.initial).toBe("SIGN_IN");
  });

  it("takes navigate edges from the layout, including Form, If, Switch and NavigationList items", () => {
    const screens = {
      HOME: {
        id: "HOME",
        layout: layout(
          {
            type: "Form",
            name: "f",
            children: [{ type: "OptIn", name: "o", label: "Terms", "on-click-action": navigate("TERMS") }],
          },
          {
            type: "If",
            condition: "${form.o}",
            then: [{ type: "EmbeddedLink", text: "Help", "on-click-action": navigate("HELP") }],
            else: [{ type: "TextBody", text: "No" }],
          },
          {
            type: "Switch",
            value: "${data.k}",
            cases: { a: [{ type: "Footer", label: "Go", "on-click-action": navigate("LIST") }] },
          },
        ),
      },
      LIST: {
        id: "LIST",
        layout: layout({
          type: "NavigationList",
          name: "n",
          "list-items": [{ id: "x", "main-content": { title: "X" }, "on-click-action": navigate("HELP") }],
        }),
      },
      TERMS: { id: "TERMS", layout: layout({ type: "TextBody", text: "Terms" }) },
      HELP: {
        id: "HELP",
        terminal: true,
        sensitive: ["x"],
        layout: layout({
          type: "Footer",
          label: "Done",
          "on-click-action": { name: "complete", payload: {} },
        }),
      },
    } satisfies Record<string, Screen>;
    const flow = defineFlow({ id: "nested", version: "7.3", screens }).createFlow();
    expect(flow.model.byId.get("HOME")?.navigate).toEqual(["TERMS", "HELP", "LIST"]);
    expect(flow.model.byId.get("LIST")?.navigate).toEqual(["HELP"]);
    expect(flow.dataApiVersion).toBeUndefined();
    expect(flow.model.init).toBeUndefined();
    const home = flow.machine.root.states["HOME"] as AnyStateNode;
    expect(home.on["navigate"]?.map((transition) => transition.target?.[0]?.key)).toEqual([
      "TERMS",
      "HELP",
      "LIST",
    ]);
    expect([...(flow.machine.root.states["HELP"] as AnyStateNode).tags]).toEqual([
      "terminal",
      "success",
      "sensitive",
    ]);
    expect(isFlow(flow)).toBe(true);
    expect(isFlow({ ...flow })).toBe(true);
    expect(isFlow({ machine: flow.machine })).toBe(false);
  });

  it("makes an endpoint flow when a handler exists, with INIT on the entry screen", () => {
    expect(signIn.dataApiVersion).toBe("3.0");
    expect(signIn.model.init?.targets).toEqual(["SIGN_IN"]);
    expect(Object.keys((signIn.machine.root.states["SIGN_IN"] as AnyStateNode).states)).toEqual([
      "idle",
      "exchanging",
      "opening",
    ]);
  });

  it("hashes what the Flow JSON is made of", () => {
    const build = (title: string) =>
      defineFlow({
        id: "h",
        version: "7.3",
        screens: { A: { id: "A", title, terminal: true, layout: layout({ type: "TextBody", text: "a" }) } },
      }).createFlow();
    expect(build("One").hash).toBe(build("One").hash);
    expect(build("One").hash).not.toBe(build("Two").hash);
    expect(build("One").hash).toMatch(/^[0-9a-f]{16}$/);
  });

  describe("refuses definitions that cannot become a machine", () => {
    const A = { id: "A", terminal: true, layout: layout({ type: "TextBody", text: "a" }) } satisfies Screen;
    const cases: Array<[string, () => unknown, string]> = [
      [
        "a bad id",
        () => defineFlow({ id: "my flow", version: "7.3", screens: { A } }).createFlow(),
        "may contain only letters",
      ],
      [
        "no screens",
        () => defineFlow({ id: "f", version: "7.3", screens: {} }).createFlow(),
        "has no screens",
      ],
      [
        "a key that is not the id",
        () => defineFlow({ id: "f", version: "7.3", screens: { B: A } }).createFlow(),
        "must have id 'B'",
      ],
      [
        "the reserved SUCCESS",
        () =>
          defineFlow({ id: "f", version: "7.3", screens: { SUCCESS: { ...A, id: "SUCCESS" } } }).createFlow(),
        "reserved",
      ],
      [
        "a navigate to nowhere",
        () =>
          defineFlow({
            id: "f",
            version: "7.3",
            screens: {
              A: {
                ...A,
                layout: layout({ type: "EmbeddedLink", text: "x", "on-click-action": navigate("B") }),
              },
            },
          }).createFlow(),
        "navigates to 'B'",
      ],
      [
        "an unknown target",
        () =>
          defineFlow({ id: "f", version: "7.3", screens: { A } }).createFlow({
            states: { A: { data_exchange: { targets: ["B" as "A"], run: ({ reply }) => reply.refresh() } } },
          }),
        "targets 'B'",
      ],
      [
        "examples of an undeclared outcome",
        () =>
          defineFlow({ id: "f", version: "7.3", screens: { A } }).createFlow({
            states: {
              A: { data_exchange: { examples: { SUCCESS: {} }, run: ({ reply }) => reply.refresh() } },
            },
          }),
        "has examples for 'SUCCESS'",
      ],
      [
        "states of unknown screens",
        () =>
          defineFlow({ id: "f", version: "7.3", screens: { A } }).createFlow({ states: { B: {} } as never }),
        "'states' has 'B'",
      ],
      [
        "an unknown entry",
        () => defineFlow({ id: "f", version: "7.3", screens: { A } }).createFlow({ initial: "B" as "A" }),
        "initial screen 'B'",
      ],
    ];
    it.each(cases)("%s", (_, define, message) => {
      expect(define).toThrow(
        expect.objectContaining({
          _tag: "FlowDefinitionError",
          message: expect.stringContaining(message) as unknown,
        }),
      );
    });
  });
});
