/**
 * fast-check arbitraries derived from an effect schema's AST, so that property tests generate every
 * shape the schema admits (every component, action and item) and stay in step with it. Model objects
 * come out with their keys shuffled, so properties also exercise key ordering.
 *
 * @example
 * const documents = arbitraryFromSchema(FlowJsonSchema.ast, { maxDepth: 2, maxLength: 3 });
 */
import fc from "fast-check";
import type { SchemaAST } from "effect";

export interface SchemaArbitraryOptions {
  /** How many times a recursive schema (`Schema.suspend`) may be entered on one path. */
  readonly maxDepth: number;
  /** Longest list or record generated. */
  readonly maxLength: number;
}

export function arbitraryFromSchema(
  ast: SchemaAST.AST,
  options: SchemaArbitraryOptions,
): fc.Arbitrary<unknown> {
  return build(ast, options.maxDepth, options);
}

function build(ast: SchemaAST.AST, depth: number, options: SchemaArbitraryOptions): fc.Arbitrary<unknown> {
  const limit = depth > 0 ? options.maxLength : 0;
  switch (ast._tag) {
    case "Suspend":
      return fc.constant(null).chain(() => build(ast.thunk(), depth - 1, options));
    case "Literal":
      return fc.constant(ast.literal);
    case "String":
      return fc.string({ maxLength: 12 });
    case "Number":
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case "Boolean":
      return fc.boolean();
    case "Null":
      return fc.constant(null);
    case "TemplateLiteral":
      return fc
        .tuple(...ast.parts.map((part) => build(part, depth, options)))
        .map((parts) => parts.map(String).join(""));
    case "Declaration":
      // The only declaration in the Flow JSON schema is a JSON value.
      return fc.jsonValue({ maxDepth: 2 });
    case "Union": {
      const members = depth > 0 ? ast.types : ast.types.filter((member) => member._tag !== "Suspend");
      return fc.oneof(...members.map((member) => build(member, depth, options)));
    }
    case "Arrays": {
      const element = ast.rest[0];
      if (element === undefined || limit === 0) return fc.constant([]);
      return fc.array(build(element, depth, options), { maxLength: limit });
    }
    case "Objects":
      return buildObject(ast, depth, limit, options);
    default:
      throw new Error(`No arbitrary for schema node ${ast._tag}`);
  }
}

function buildObject(
  ast: SchemaAST.Objects,
  depth: number,
  limit: number,
  options: SchemaArbitraryOptions,
): fc.Arbitrary<unknown> {
  const names = ast.propertySignatures.map((signature) => String(signature.name));
  const fields = Object.fromEntries(
    ast.propertySignatures.map((signature) => [
      String(signature.name),
      build(signature.type, depth, options),
    ]),
  );
  const requiredKeys = ast.propertySignatures
    .filter((signature) => signature.type.context?.isOptional !== true)
    .map((signature) => String(signature.name));
  const index = ast.indexSignatures[0];
  const rest =
    index === undefined || limit === 0
      ? fc.constant({})
      : fc.dictionary(
          fc.string({ minLength: 1, maxLength: 8 }).filter((key) => !names.includes(key)),
          build(index.type, depth, options),
          { maxKeys: limit },
        );
  const order = fc.shuffledSubarray(names, { minLength: names.length, maxLength: names.length });
  return fc.tuple(fc.record(fields, { requiredKeys }), rest, order).map(([declared, extra, keys]) => {
    const result: Record<string, unknown> = {};
    const values = declared as Record<string, unknown>;
    for (const key of keys) if (Object.hasOwn(values, key)) result[key] = values[key];
    for (const [key, value] of Object.entries(extra)) result[key] = value;
    return result;
  });
}
