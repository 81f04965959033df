/**
 * A checker for If conditions: boolean expressions over references and literals with the operators
 * Meta allows (`()`, `==`, `!=`, `&&`, `||`, `!`, `>`, `>=`, `<`, `<=`; `&&` binds tighter than
 * `||`), which must contain at least one dynamic operand.
 *
 * @example
 * checkCondition("(${data.value} && (${form.animal} == 'cat'))"); // undefined: fine
 * checkCondition("573 == 376"); // "The condition needs at least one dynamic operand ..."
 * @see https://developers.facebook.com/docs/whatsapp/flows/reference/components#if
 */

type Token =
  | { readonly kind: "ref" | "string" | "number" | "boolean"; readonly at: number }
  | { readonly kind: "op"; readonly op: string; readonly at: number };

const OPERATORS = ["==", "!=", ">=", "<=", "&&", "||", ">", "<", "!", "(", ")"];
const COMPARISONS = new Set(["==", "!=", ">=", "<=", ">", "<"]);
const MAX_NESTING = 64;

/** Describes what is wrong with `condition`, or returns `undefined` when it is a valid condition. */
export function checkCondition(condition: string): string | undefined {
  const body =
    condition.length >= 2 && condition.startsWith("`") && condition.endsWith("`")
      ? condition.slice(1, -1)
      : condition;
  const tokens = tokenize(body);
  if (typeof tokens === "string") return tokens;
  if (tokens.length === 0) return "The condition is empty.";
  const parser = new Parser(tokens);
  const error = parser.parse();
  if (error !== undefined) return error;
  if (!tokens.some((token) => token.kind === "ref")) {
    return "The condition needs at least one dynamic operand (${data.x}, ${form.x} or a global reference); a condition of literals only is always the same.";
  }
  return parser.resultIsLiteral
    ? "The condition must resolve to a boolean; a lone string or number literal does not."
    : undefined;
}

function tokenize(text: string): Token[] | string {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at] as string;
    if (/\s/.test(char)) {
      at += 1;
    } else if (text.startsWith("${", at)) {
      const end = text.indexOf("}", at);
      if (end < 0) return `Unclosed reference at position ${at}.`;
      tokens.push({ kind: "ref", at });
      at = end + 1;
    } else if (char === "'") {
      let end = at + 1;
      while (end < text.length && text[end] !== "'") end += text[end] === "\\" ? 2 : 1;
      if (end >= text.length) return `Unclosed string literal at position ${at}.`;
      tokens.push({ kind: "string", at });
      at = end + 1;
    } else {
      const rest = text.slice(at);
      const number = /^-?\d+(\.\d+)?/.exec(rest);
      const word = /^(true|false)\b/.exec(rest);
      const op = OPERATORS.find((candidate) => rest.startsWith(candidate));
      if (number !== null) {
        tokens.push({ kind: "number", at });
        at += number[0].length;
      } else if (word !== null) {
        tokens.push({ kind: "boolean", at });
        at += word[0].length;
      } else if (op !== undefined) {
        tokens.push({ kind: "op", op, at });
        at += op.length;
      } else {
        return `Unexpected '${char}' at position ${at}. Allowed operators: ${OPERATORS.join(" ")}.`;
      }
    }
  }
  return tokens;
}

/** Recursive descent over: or := and ('||' and)*; and := cmp ('&&' cmp)*; cmp := unary (op unary)?. */
class Parser {
  private position = 0;
  private depth = 0;
  /** True when the whole condition is a single string or number literal. */
  resultIsLiteral = false;

  constructor(private readonly tokens: readonly Token[]) {}

  parse(): string | undefined {
    const error = this.or();
    if (error !== undefined) return error;
    const extra = this.tokens[this.position];
    if (extra !== undefined) return `Unexpected ${describe(extra)} at position ${extra.at}.`;
    const only = this.tokens.length === 1 ? this.tokens[0] : undefined;
    this.resultIsLiteral = only?.kind === "string" || only?.kind === "number";
    return undefined;
  }

  private peekOp(): string | undefined {
    const token = this.tokens[this.position];
    return token?.kind === "op" ? token.op : undefined;
  }

  private or(): string | undefined {
    return this.chain("||", () => this.and());
  }

  private and(): string | undefined {
    return this.chain("&&", () => this.comparison());
  }

  private chain(op: string, operand: () => string | undefined): string | undefined {
    let error = operand();
    while (error === undefined && this.peekOp() === op) {
      this.position += 1;
      error = operand();
    }
    return error;
  }

  private comparison(): string | undefined {
    const error = this.unary();
    if (error !== undefined) return error;
    const op = this.peekOp();
    if (op !== undefined && COMPARISONS.has(op)) {
      this.position += 1;
      return this.unary();
    }
    return undefined;
  }

  private unary(): string | undefined {
    if (this.peekOp() === "!") {
      this.position += 1;
      return this.nested(() => this.unary());
    }
    return this.primary();
  }

  private primary(): string | undefined {
    const token = this.tokens[this.position];
    if (token === undefined) return "The condition ends where an operand is expected.";
    this.position += 1;
    if (token.kind !== "op") return undefined;
    if (token.op !== "(")
      return `Unexpected ${describe(token)} at position ${token.at}; an operand is expected.`;
    const error = this.nested(() => this.or());
    if (error !== undefined) return error;
    if (this.peekOp() !== ")") return `Missing ')' for the '(' at position ${token.at}.`;
    this.position += 1;
    return undefined;
  }

  private nested(parse: () => string | undefined): string | undefined {
    if (this.depth >= MAX_NESTING) return `The condition nests deeper than ${MAX_NESTING} levels.`;
    this.depth += 1;
    const error = parse();
    this.depth -= 1;
    return error;
  }
}

function describe(token: Token): string {
  return token.kind === "op" ? `'${token.op}'` : `${token.kind} operand`;
}
