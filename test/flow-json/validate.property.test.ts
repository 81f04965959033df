/**
 * validateFlowJson never throws and always answers well-formed diagnostics (a known code, a severity,
 * a pointer that designates a part of the document, a message), whatever it is given: arbitrary JSON,
 * flow-shaped random documents, and random mutations of the corpus samples.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COMPONENT_TYPES } from "../../src/flow-json/component-catalog.js";
import type { Diagnostic } from "../../src/flow-json/diagnostic.js";
import {
  META_DIAGNOSTIC_CODES,
  OWN_DIAGNOSTIC_CODES,
} from "../../src/flow-json/validate/diagnostic-codes.js";
import { resolvePointer } from "../../src/flow-json/validate/json-pointer.js";
import { validateFlowJson } from "../../src/flow-json/validate/validate-flow-json.js";
import { listShared, readSharedJson } from "../helpers/shared-path.js";

const KNOWN_CODES = new Set<string>([...META_DIAGNOSTIC_CODES, ...Object.keys(OWN_DIAGNOSTIC_CODES)]);

function expectWellFormed(document: unknown, diagnostics: readonly Diagnostic[]): void {
  for (const diagnostic of diagnostics) {
    expect(diagnostic.code).not.toBe("VALIDATOR_INTERNAL_ERROR");
    expect(KNOWN_CODES.has(diagnostic.code), diagnostic.code).toBe(true);
    expect(["error", "warning"]).toContain(diagnostic.severity);
    expect(diagnostic.message.length).toBeGreaterThan(0);
    expect(
      resolvePointer(document, diagnostic.pointer),
      `${diagnostic.code} at '${diagnostic.pointer}'`,
    ).not.toBeUndefined();
  }
}

function check(document: unknown): void {
  let diagnostics: Diagnostic[] = [];
  expect(() => {
    diagnostics = validateFlowJson(document);
  }).not.toThrow();
  expectWellFormed(document, diagnostics);
}

const KEYS = [
  "type",
  "name",
  "id",
  "terminal",
  "success",
  "title",
  "data",
  "layout",
  "children",
  "then",
  "else",
  "cases",
  "condition",
  "value",
  "on-click-action",
  "on-select-action",
  "payload",
  "next",
  "url",
  "label",
  "text",
  "data-source",
  "list-items",
  "init-values",
  "init-value",
  "visible",
  "required",
  "__example__",
  "properties",
  "items",
  "routing_model",
  "data_api_version",
  "version",
  "mode",
  "pattern",
  "helper-text",
  "min-chars",
  "max-chars",
];
const INTERESTING = fc.constantFrom<unknown>(
  "${data.x}",
  "${form.name}",
  "`'a' ${form.name}`",
  "${screen.A.form.name}",
  "${screen.B.data.x.y}",
  "Hi ${data.x}",
  "SUCCESS",
  "A",
  "B",
  "",
  " ",
  "navigate",
  "complete",
  "data_exchange",
  "update_data",
  "open_url",
  "screen",
  "7.3",
  "2.1",
  "6.0",
  "3.0",
  "2024-01-01",
  0,
  -1,
  31,
  true,
  false,
  null,
  [],
  {},
);
const value = fc.oneof(INTERESTING, fc.jsonValue({ maxDepth: 3 }));

/** Puts `children` where the component type holds components. */
function nest(type: string, children: unknown[]): Record<string, unknown> {
  if (type === "If") return { then: children, else: children.slice(1) };
  if (type === "Switch") return { cases: { a: children } };
  return { children };
}

const componentArbitraries = fc.letrec<{ component: unknown; components: unknown[] }>((tie) => ({
  component: fc
    .tuple(
      fc.constantFrom<string>(...COMPONENT_TYPES, "Bogus"),
      fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 5 }),
      fc.option(tie("components"), { nil: undefined, depthSize: "small", depthIdentifier: "components" }),
      fc.option(
        fc.record({
          name: fc.constantFrom("navigate", "complete", "data_exchange", "update_data"),
          next: fc.record({ type: fc.constant("screen"), name: fc.constantFrom("A", "B", "C") }),
          payload: fc.dictionary(fc.string(), value, { maxKeys: 3 }),
        }),
        { nil: undefined },
      ),
    )
    .map(([type, props, nested, action]) => ({
      ...props,
      type,
      ...(nested === undefined ? {} : nest(type, nested)),
      ...(action === undefined ? {} : { "on-click-action": action }),
    })),
  components: fc.array(tie("component"), { maxLength: 4, depthIdentifier: "components" }),
}));

const screenArbitrary = fc
  .tuple(
    fc.constantFrom("A", "B", "C", "SCREEN_1", "success"),
    componentArbitraries.components,
    fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 3 }),
  )
  .map(([id, children, extra]) => ({ ...extra, id, layout: { type: "SingleColumnLayout", children } }));

const flowArbitrary = fc
  .tuple(
    fc.constantFrom<unknown>("7.3", "6.0", "4.0", "2.1", "7.10", 7, undefined),
    fc.array(screenArbitrary, { maxLength: 4 }),
    fc.option(
      fc.dictionary(
        fc.constantFrom("A", "B", "C", "X"),
        fc.array(fc.constantFrom<unknown>("A", "B", "C", "X", 3)),
      ),
      { nil: undefined },
    ),
    fc.boolean(),
  )
  .map(([version, screens, routing, endpoint]) => ({
    ...(version === undefined ? {} : { version }),
    ...(routing === undefined ? {} : { routing_model: routing }),
    ...(endpoint ? { data_api_version: "3.0" } : {}),
    screens,
  }));

const CORPUS = ["corpus/pywa-flows", "corpus/meta-flows", "fixtures/seed"].flatMap((folder) =>
  listShared(folder, ".flow.json").map((name) => readSharedJson(`${folder}/${name}`)),
);

type Mutation = {
  kind: "replace" | "delete" | "insert" | "duplicate";
  pick: number;
  key: string;
  value: unknown;
};

/** Every container (object or array) in `root` with the path to it. */
function containers(
  root: unknown,
): { node: object; parent: object | undefined; key: string | number | undefined }[] {
  const found: { node: object; parent: object | undefined; key: string | number | undefined }[] = [];
  const stack: { node: unknown; parent: object | undefined; key: string | number | undefined }[] = [
    { node: root, parent: undefined, key: undefined },
  ];
  while (stack.length > 0) {
    const { node, parent, key } = stack.pop() as (typeof stack)[number];
    if (typeof node !== "object" || node === null) continue;
    found.push({ node, parent, key });
    for (const [childKey, child] of Object.entries(node)) {
      stack.push({ node: child, parent: node, key: Array.isArray(node) ? Number(childKey) : childKey });
    }
  }
  return found;
}

function mutate(document: unknown, mutations: readonly Mutation[]): unknown {
  let root = structuredClone(document);
  for (const mutation of mutations) {
    const all = containers(root);
    const target = all[mutation.pick % Math.max(all.length, 1)];
    if (target === undefined) {
      root = mutation.value;
      continue;
    }
    const node = target.node as Record<string | number, unknown>;
    const keys = Object.keys(node);
    const key = Array.isArray(node)
      ? mutation.pick % Math.max(node.length, 1)
      : (keys[mutation.pick % Math.max(keys.length, 1)] ?? mutation.key);
    if (mutation.kind === "replace") node[key] = mutation.value;
    else if (mutation.kind === "delete") {
      if (Array.isArray(node)) node.splice(key as number, 1);
      else delete node[key];
    } else if (mutation.kind === "insert") {
      if (Array.isArray(node)) node.push(mutation.value);
      else node[mutation.key] = mutation.value;
    } else if (Array.isArray(node) && node.length > 0) {
      node.push(structuredClone(node[key as number]));
    }
  }
  return root;
}

const mutationArbitrary = fc.record({
  kind: fc.constantFrom<Mutation["kind"]>("replace", "delete", "insert", "duplicate"),
  pick: fc.nat(),
  key: fc.constantFrom(...KEYS),
  value,
});

describe("validateFlowJson properties", () => {
  it("never throws on arbitrary JSON and answers well-formed diagnostics", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (document) => check(document)),
      { numRuns: 300 },
    );
  });

  it("never throws on random flow-shaped documents", () => {
    fc.assert(
      fc.property(flowArbitrary, (document) => check(document)),
      { numRuns: 300 },
    );
  });

  it("never throws on mutations of the corpus samples", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: CORPUS.length - 1 }),
        fc.array(mutationArbitrary, { minLength: 1, maxLength: 6 }),
        (which, mutations) => check(mutate(CORPUS[which], mutations)),
      ),
      { numRuns: 400 },
    );
  });
});
