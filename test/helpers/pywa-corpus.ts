/**
 * Reading pywa's golden Flow JSON files in `../shared/corpus/pywa-flows`.
 *
 * @example
 * const doc = pywaGolden("pywa.v4_0.if");
 * const condition = pywaGoldenAt("pywa.v4_0.if", "/screens/0/layout/children/1/condition");
 */
import { readSharedJson } from "./shared-path.js";

/** The parsed golden file `corpus/pywa-flows/<name>.flow.json`. */
export function pywaGolden(name: string): unknown {
  return readSharedJson(`corpus/pywa-flows/${name}.flow.json`);
}

/** The value at an RFC 6901 JSON pointer inside the golden file `name`. */
export function pywaGoldenAt(name: string, pointer: string): unknown {
  let node = pywaGolden(name);
  for (const segment of pointer.split("/").slice(1)) {
    node = (node as Record<string, unknown>)[segment.replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return node;
}
