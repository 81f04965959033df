/**
 * Where each value of a JSON text sits (1-based lines and columns, end inclusive), keyed by Meta's dotted
 * path (`screens[0].layout.children[1].type`); the Graph API stand-in uses it to point its validation
 * errors at the uploaded text the way Meta does.
 */

export interface JsonSpan {
  readonly line_start: number;
  readonly line_end: number;
  readonly column_start: number;
  readonly column_end: number;
}

/** A syntax error with its place in the text. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** The span of every value in `text`, by dotted path (`""` is the root). Throws {@link JsonSyntaxError}. */
export function locateJsonValues(text: string): Map<string, JsonSpan> {
  const spans = new Map<string, JsonSpan>();
  let index = 0;

  const place = (at: number): { line: number; column: number } => {
    const before = text.slice(0, at);
    const line = before.split("\n").length;
    return { line, column: at - before.lastIndexOf("\n") };
  };
  const fail = (message: string): never => {
    const { line, column } = place(index);
    throw new JsonSyntaxError(`${message} at line ${line} column ${column}`, line, column);
  };
  const skip = (): void => {
    while (index < text.length && " \t\r\n".includes(text[index] ?? "")) index += 1;
  };
  const expect = (char: string): void => {
    skip();
    if (text[index] !== char) fail(`Expected '${char}'`);
    index += 1;
  };
  const readString = (): string => {
    const start = index;
    expect('"');
    while (index < text.length && text[index] !== '"') index += text[index] === "\\" ? 2 : 1;
    if (index >= text.length) fail("Unterminated string");
    index += 1;
    return JSON.parse(text.slice(start, index).trimStart()) as string;
  };

  const value = (path: string): void => {
    skip();
    const start = index;
    const char = text[index];
    if (char === "{") {
      index += 1;
      skip();
      if (text[index] === "}") index += 1;
      else {
        for (;;) {
          skip();
          const key = readString();
          expect(":");
          value(path === "" ? key : `${path}.${key}`);
          skip();
          if (text[index] === ",") index += 1;
          else if (text[index] === "}") {
            index += 1;
            break;
          } else fail("Expected ',' or '}'");
        }
      }
    } else if (char === "[") {
      index += 1;
      skip();
      if (text[index] === "]") index += 1;
      else {
        for (let item = 0; ; item += 1) {
          value(`${path}[${item}]`);
          skip();
          if (text[index] === ",") index += 1;
          else if (text[index] === "]") {
            index += 1;
            break;
          } else fail("Expected ',' or ']'");
        }
      }
    } else if (char === '"') {
      readString();
    } else {
      const match = /^(?:true|false|null|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(index));
      if (match === null) fail("Unexpected token");
      index += match?.[0].length ?? 0;
    }
    const from = place(start);
    const to = place(index - 1);
    spans.set(path, {
      line_start: from.line,
      column_start: from.column,
      line_end: to.line,
      column_end: to.column,
    });
  };

  value("");
  skip();
  if (index < text.length) fail("Unexpected data after the JSON value");
  return spans;
}
