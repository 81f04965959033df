/**
 * Reading JSON text with errors a person can act on: where `JSON.parse` only says that the text is
 * not JSON (in wording that differs between Node, Bun, Deno and browsers), `parseJsonText` reports the
 * line and column of the first character that cannot be read and what was expected there.
 */
import { FlowJsonSyntaxError } from "./errors.js";

/**
 * Parses JSON text; a leading byte-order mark is ignored.
 *
 * @throws FlowJsonSyntaxError with the 1-based line and column of the first unreadable character.
 * @example
 * parseJsonText('{ "version": "7.3" }'); // { version: "7.3" }
 * parseJsonText('{ "version": "7.3", }'); // throws: Invalid JSON at line 1, column 20: trailing comma before '}'.
 */
export function parseJsonText(text: string): unknown {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  try {
    return JSON.parse(body) as unknown;
  } catch (cause) {
    const problem = locateSyntaxError(body) ?? { offset: 0, reason: String(cause) };
    const before = body.slice(0, problem.offset);
    const line = before.split("\n").length;
    const column = problem.offset - (before.lastIndexOf("\n") + 1) + 1;
    throw new FlowJsonSyntaxError({ line, column, offset: problem.offset, reason: problem.reason });
  }
}

interface SyntaxProblem {
  readonly offset: number;
  readonly reason: string;
}

class Stop {
  constructor(readonly problem: SyntaxProblem) {}
}

/** Reads `text` by the JSON grammar (RFC 8259) and returns the first place it breaks, if any. */
function locateSyntaxError(text: string): SyntaxProblem | undefined {
  let pos = 0;
  const fail = (reason: string, offset = pos): never => {
    throw new Stop({ offset, reason });
  };
  const found = () =>
    pos < text.length ? `found ${describeChar(text[pos] ?? "")}` : "found the end of the text";
  const skipSpace = () => {
    while (pos < text.length && " \t\n\r".includes(text[pos] ?? "")) pos++;
  };

  const readString = () => {
    const start = pos;
    pos++;
    for (;;) {
      const char = text[pos];
      if (char === undefined) fail("unterminated string", start);
      if (char === '"') {
        pos++;
        return;
      }
      if (char === "\\") {
        const escape = text[pos + 1] ?? "";
        if (escape === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6)))
            fail("invalid \\u escape: expected 4 hex digits");
          pos += 6;
        } else if (escape !== "" && '"\\/bfnrt'.includes(escape)) {
          pos += 2;
        } else {
          fail(`invalid escape sequence \\${escape}`);
        }
      } else if ((char ?? "").charCodeAt(0) < 0x20) {
        fail("control character in a string; write it as an escape such as \\n");
      } else {
        pos++;
      }
    }
  };

  const readNumber = () => {
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    match.lastIndex = pos;
    const result = match.exec(text);
    if (result === null) fail("invalid number");
    else pos += result[0].length;
  };

  const readComposite = (close: "}" | "]") => {
    const member = close === "}" ? "property" : "element";
    pos++;
    skipSpace();
    if (text[pos] === close) {
      pos++;
      return;
    }
    for (;;) {
      if (close === "}") {
        if (text[pos] !== '"') fail(`expected a property name in double quotes, ${found()}`);
        readString();
        skipSpace();
        if (text[pos] !== ":") fail(`expected ':' after a property name, ${found()}`);
        pos++;
      }
      readValue();
      skipSpace();
      if (text[pos] === close) {
        pos++;
        return;
      }
      if (text[pos] !== ",")
        fail(
          `expected ',' or '${close}' after ${member === "property" ? "a property value" : "an element"}, ${found()}`,
        );
      const comma = pos;
      pos++;
      skipSpace();
      if (text[pos] === close) fail(`trailing comma before '${close}'`, comma);
    }
  };

  const readValue = (): void => {
    skipSpace();
    const char = text[pos];
    if (char === "{") return readComposite("}");
    if (char === "[") return readComposite("]");
    if (char === '"') return readString();
    if (char === "-" || (char !== undefined && char >= "0" && char <= "9")) return readNumber();
    for (const literal of ["true", "false", "null"]) {
      if (text.startsWith(literal, pos)) {
        pos += literal.length;
        return;
      }
    }
    fail(`expected a value, ${found()}`);
  };

  try {
    readValue();
    skipSpace();
    if (pos < text.length)
      fail(`unexpected ${describeChar(text[pos] ?? "")} after the end of the JSON value`);
    return undefined;
  } catch (stop) {
    if (stop instanceof Stop) return stop.problem;
    throw stop;
  }
}

function describeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 ? `U+${code.toString(16).toUpperCase().padStart(4, "0")}` : `'${char}'`;
}
