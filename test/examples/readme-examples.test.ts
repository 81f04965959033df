import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkEveryPath } from "../../examples/readme/every-path.js";
import { repoRoot } from "../helpers/shared-path.js";

/** The README shows code from example files; each such block must be in its file, word for word. */
function readmeExamples(): { file: string; code: string }[] {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const blocks = [...readme.matchAll(/<!-- example: (\S+) -->\n```ts\n([\s\S]*?)```/g)];
  return blocks.map(([, file, code]) => ({ file: file ?? "", code: code ?? "" }));
}

/** Example files import the sources; the README shows the package's subpaths instead. */
function asPublished(source: string): string {
  return source.replace(/"(?:\.\.\/)+src\/([a-z-]+(?:\/[a-z-]+)?)\/index\.js"/g, '"flowmachine/$1"');
}

describe("README examples", () => {
  const examples = readmeExamples();

  it("has examples to check", () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples.map((example) => [example.file, example.code] as const))(
    "shows code that stands in %s",
    (file, code) => {
      expect(asPublished(readFileSync(join(repoRoot, file), "utf8"))).toContain(code.trimEnd());
    },
  );

  it("runs every path of the sign-in flow", async () => {
    const lines = await checkEveryPath();
    expect(lines.at(-1)).toMatch(/^\d+ paths/);
    expect(lines.length).toBeGreaterThan(5);
  });
});
