import { describe, expect, it } from "vitest";
import { FlowJsonSyntaxError, parseJsonText } from "../../src/flow-json/index.js";

/** The syntax error `parseJsonText` throws for `text`. */
function syntaxErrorOf(text: string): FlowJsonSyntaxError {
  try {
    parseJsonText(text);
  } catch (error) {
    expect(error).toBeInstanceOf(FlowJsonSyntaxError);
    return error as FlowJsonSyntaxError;
  }
  throw new Error("expected a syntax error");
}

describe("parseJsonText", () => {
  it("parses JSON like JSON.parse and ignores a leading byte-order mark", () => {
    const text = '{ "a": [1, -2.5e3, true, null, "\\u00e9\\n"] }';
    expect(parseJsonText(text)).toEqual(JSON.parse(text));
    expect(parseJsonText('\uFEFF{"version":"7.3"}')).toEqual({ version: "7.3" });
  });

  it.each([
    ['{\n  "a": 1,\n}', 2, 9, "trailing comma before '}'"],
    ["[1, 2,]", 1, 6, "trailing comma before ']'"],
    ['{"a" 1}', 1, 6, "expected ':' after a property name, found '1'"],
    ["{a: 1}", 1, 2, "expected a property name in double quotes, found 'a'"],
    ['{"a": 1 "b": 2}', 1, 9, "expected ',' or '}' after a property value, found '\"'"],
    ["[1 2]", 1, 4, "expected ',' or ']' after an element, found '2'"],
    ["", 1, 1, "expected a value, found the end of the text"],
    ["[1, 2", 1, 6, "expected ',' or ']' after an element, found the end of the text"],
    ['{"a": tru}', 1, 7, "expected a value, found 't'"],
    ['{"a": "x\ny"}', 1, 9, "control character in a string; write it as an escape such as \\n"],
    ['{"a": "\\x"}', 1, 8, "invalid escape sequence \\x"],
    ['{"a": "\\u12G4"}', 1, 8, "invalid \\u escape: expected 4 hex digits"],
    ['{"a": "open', 1, 7, "unterminated string"],
    ["{}\r\n{}", 2, 1, "unexpected '{' after the end of the JSON value"],
    ['{\r\n  "a": -}', 2, 8, "invalid number"],
  ])("locates the error in %j at line %i, column %i", (text, line, column, reason) => {
    const error = syntaxErrorOf(text);
    expect({ line: error.line, column: error.column, reason: error.reason }).toEqual({
      line,
      column,
      reason,
    });
    expect(error._tag).toBe("FlowJsonSyntaxError");
    expect(error.message).toBe(`Invalid JSON at line ${line}, column ${column}: ${reason}.`);
  });

  it("gives the offset of the character the line and column name", () => {
    const text = '{\n  "version": "7.3",\n  "screens": [}\n}';
    const error = syntaxErrorOf(text);
    expect(text[error.offset]).toBe("}");
    expect(text.split("\n")[error.line - 1]?.[error.column - 1]).toBe("}");
  });
});
