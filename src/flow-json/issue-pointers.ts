/**
 * Turns an effect `SchemaIssue` tree into flat `{ pointer, message }` problems: one per offending part
 * of the document, each with an RFC 6901 pointer and a message that says what was expected there.
 */
import { SchemaIssue, type SchemaAST } from "effect";
import type { FlowJsonIssue } from "./errors.js";
import { formatJsonPointer } from "./json-pointer.js";

type Path = readonly (string | number)[];

/**
 * Flattens `issue` into the problems it describes, in document order, without duplicates.
 *
 * @example
 * const result = Schema.decodeUnknownResult(FlowJsonSchema)(input, { errors: "all", reportInput: true });
 * if (Result.isFailure(result)) toFlowJsonIssues(result.failure.issue);
 * // [{ pointer: "/screens/0/layout/children/2/label", message: "Expected a string, got 3." }]
 */
export function toFlowJsonIssues(issue: SchemaIssue.Issue): FlowJsonIssue[] {
  const found: FlowJsonIssue[] = [];
  collect(issue, [], undefined, found);
  const seen = new Set<string>();
  return found.filter(({ pointer, message }) => {
    const key = `${pointer}\u0000${message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function collect(
  issue: SchemaIssue.Issue,
  path: Path,
  parent: SchemaAST.AST | undefined,
  out: FlowJsonIssue[],
): void {
  const report = (at: Path, message: string) => out.push({ pointer: formatJsonPointer(at), message });
  switch (issue._tag) {
    case "Pointer":
      collect(issue.issue, [...path, ...issue.path.map(toToken)], parent, out);
      return;
    case "Composite":
      if (issue.ast._tag === "Objects" || issue.ast._tag === "Arrays") {
        for (const inner of issue.issues) collect(inner, path, issue.ast, out);
      } else {
        report(path, `Expected ${describe(issue.ast)}, got ${show(inputOf(issue))}.`);
      }
      return;
    case "Encoding":
      collect(issue.issue, path, parent, out);
      return;
    case "AnyOf":
      collectUnion(issue, path, out);
      return;
    case "MissingKey":
      report(path, `Missing required property ${quote(path.at(-1))}${expectation(parent, path.at(-1))}.`);
      return;
    case "UnexpectedKey":
      report(path, unknownPropertyMessage(issue.ast._tag === "Objects" ? issue.ast : parent, path.at(-1)));
      return;
    case "InvalidType":
      report(path, `Expected ${describe(issue.ast)}, got ${show(inputOf(issue))}.`);
      return;
    case "Filter":
    case "InvalidValue":
    case "Forbidden":
    case "OneOf":
      report(path, `Invalid value ${show(inputOf(issue))}.`);
      return;
  }
}

/**
 * A union failed. A discriminated union (components by `type`, actions by `name`) with an unknown
 * discriminator gets one message listing the values allowed there; otherwise the members that got
 * past the input's kind explain the problem, and when none did the union is described as a whole.
 */
function collectUnion(issue: SchemaIssue.AnyOf, path: Path, out: FlowJsonIssue[]): void {
  const input = inputOf(issue);
  const discriminant = discriminantOf(issue.ast);
  if (discriminant !== undefined && isRecord(input)) {
    const value = input[discriminant.key];
    if (!discriminant.values.includes(value as SchemaAST.LiteralValue)) {
      const allowed = discriminant.values.map((literal) => quote(literal)).join(", ");
      const noun =
        typeof issue.ast.annotations?.title === "string" ? issue.ast.annotations.title : discriminant.key;
      const message =
        value === undefined
          ? `Missing required property ${quote(discriminant.key)}; expected one of: ${allowed}.`
          : `${show(value)} is not a valid ${noun} here; expected one of: ${allowed}.`;
      out.push({ pointer: formatJsonPointer([...path, discriminant.key]), message });
      return;
    }
  }
  const deep = issue.issues.filter(reachesInside);
  if (deep.length > 0) {
    for (const inner of deep) collect(inner, path, undefined, out);
    return;
  }
  out.push({
    pointer: formatJsonPointer(path),
    message: `Expected ${describe(issue.ast)}, got ${show(input)}.`,
  });
}

/** True when the issue is about a part of the value rather than the value's kind. */
function reachesInside(issue: SchemaIssue.Issue): boolean {
  switch (issue._tag) {
    case "Pointer":
    case "MissingKey":
    case "UnexpectedKey":
      return true;
    case "Composite":
    case "AnyOf":
      return issue.issues.some(reachesInside);
    case "Encoding":
    case "Filter":
      return reachesInside(issue.issue);
    default:
      return false;
  }
}

/** The key every object member of `union` fixes to a literal, with the literals (e.g. `type`). */
function discriminantOf(
  union: SchemaAST.Union,
): { key: string; values: SchemaAST.LiteralValue[] } | undefined {
  const members = union.types.map(resolve);
  const first = members[0];
  if (first?._tag !== "Objects") return undefined;
  for (const candidate of first.propertySignatures) {
    const key = candidate.name;
    if (typeof key !== "string") continue;
    const values = members.map((member) => literalAt(member, key));
    if (values.every((value) => value !== undefined)) return { key, values };
  }
  return undefined;
}

function literalAt(ast: SchemaAST.AST, key: string): SchemaAST.LiteralValue | undefined {
  if (ast._tag !== "Objects") return undefined;
  const type = ast.propertySignatures.find((signature) => signature.name === key)?.type;
  return type?._tag === "Literal" ? type.literal : undefined;
}

function unknownPropertyMessage(owner: SchemaAST.AST | undefined, key: string | number | undefined): string {
  const known =
    owner?._tag === "Objects"
      ? owner.propertySignatures.flatMap((s) => (typeof s.name === "string" ? [s.name] : []))
      : [];
  const ownerName = owner === undefined ? undefined : (literalAt(owner, "type") ?? literalAt(owner, "name"));
  const subject =
    ownerName === undefined
      ? `Unknown property ${quote(key)}`
      : `${String(ownerName)} has no property ${quote(key)}`;
  const suggestion = closest(String(key), known);
  if (suggestion !== undefined) return `${subject}; did you mean ${quote(suggestion)}?`;
  return known.length > 0
    ? `${subject}; allowed: ${known.map((name) => quote(name)).join(", ")}.`
    : `${subject}.`;
}

/** The known key a misspelt key most likely meant: same letters ignoring case and `-`/`_`, or at most 2 edits. */
function closest(key: string, known: readonly string[]): string | undefined {
  const normal = (text: string) => text.toLowerCase().replaceAll("_", "-");
  const exact = known.find((name) => normal(name) === normal(key));
  if (exact !== undefined) return exact;
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = editDistance(normal(key), normal(name));
    if (distance <= 2 && distance < name.length / 2 && (best === undefined || distance < best.distance)) {
      best = { name, distance };
    }
  }
  return best?.name;
}

/** Levenshtein distance with adjacent transpositions counted as one edit. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, at(i - 2, j - 2) + 1);
      rows[i]![j] = value;
    }
  }
  return at(a.length, b.length);
}

/** ` (expected a string)` for a missing key whose schema the parent object declares. */
function expectation(parent: SchemaAST.AST | undefined, key: string | number | undefined): string {
  if (parent?._tag !== "Objects") return "";
  const signature = parent.propertySignatures.find((candidate) => candidate.name === key);
  return signature === undefined ? "" : ` (expected ${describe(signature.type)})`;
}

/** A short English description of what `ast` accepts. */
function describe(ast: SchemaAST.AST): string {
  const expected = ast.annotations?.expected;
  if (typeof expected === "string") return expected;
  switch (ast._tag) {
    case "Suspend":
      return describe(ast.thunk());
    case "Union":
      return [...new Set(ast.types.map(describe))].join(" or ");
    case "Literal":
      return JSON.stringify(ast.literal) ?? String(ast.literal);
    case "String":
    case "TemplateLiteral":
      return "a string";
    case "Number":
      return "a number";
    case "Boolean":
      return "a boolean";
    case "Null":
      return "null";
    case "Arrays":
      return "a list";
    case "Objects":
      return "an object";
    default:
      return "a valid value";
  }
}

function resolve(ast: SchemaAST.AST): SchemaAST.AST {
  return ast._tag === "Suspend" ? resolve(ast.thunk()) : ast;
}

function inputOf(issue: SchemaIssue.Issue): unknown {
  return SchemaIssue.hasInput(issue) ? issue.input : undefined;
}

function show(value: unknown): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (isRecord(value)) return "an object";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 60 ? `${text.slice(0, 57)}..."` : text;
}

function quote(value: unknown): string {
  return typeof value === "string" ? `"${value}"` : String(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function toToken(key: PropertyKey): string | number {
  return typeof key === "symbol" ? String(key) : key;
}
