/**
 * Everything the client accepts where Meta wants Flow JSON: a document, JSON text, a file, or anything
 * that can produce a document (a compiled machine), turned into the exact text that is uploaded.
 */
import type { FlowJson, JsonObject } from "../flow-json/types.js";
import { FlowJsonSourceError } from "./errors.js";

/**
 * Anything that produces a Flow JSON document, such as a flow machine (whose `toFlowJson` compiles it,
 * routing model included). Any object with this method is accepted.
 *
 * @example
 * const source: FlowJsonProducer = { toFlowJson: () => signInFlow };
 */
export interface FlowJsonProducer {
  readonly toFlowJson: () => FlowJson | Promise<FlowJson>;
}

/** A Flow JSON file on disk, read through the client's `readFile` option. */
export interface FlowJsonFile {
  readonly path: string;
}

/**
 * A Flow JSON document (as builders produce), JSON text, a {@link FlowJsonFile} or a
 * {@link FlowJsonProducer}.
 */
export type FlowJsonSource = FlowJson | string | FlowJsonProducer | FlowJsonFile;

/**
 * Reads a file as text or bytes. `graph-api` runs on Workers too, so it never touches the file system
 * itself: the CLI passes Node's `fs.promises.readFile`, a Worker may pass a KV or R2 lookup.
 *
 * @example
 * import { readFile } from "node:fs/promises";
 * const reader: FlowJsonFileReader = (path) => readFile(path);
 */
export type FlowJsonFileReader = (path: string) => Promise<string | Uint8Array>;

/** Flow JSON as it will be uploaded: the text (line numbers of Meta's errors refer to it) and the document. */
export interface FlowJsonText {
  readonly text: string;
  readonly document: FlowJson;
}

function isProducer(source: object): source is FlowJsonProducer {
  return typeof (source as Partial<FlowJsonProducer>).toFlowJson === "function";
}

function isFile(source: object): source is FlowJsonFile {
  return typeof (source as Partial<FlowJsonFile>).path === "string" && !("screens" in source);
}

function parseText(text: string, source: FlowJsonSourceError["source"], where: string): FlowJsonText {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : "invalid JSON";
    throw new FlowJsonSourceError({
      source,
      message: `${where} is not valid JSON (${detail}); fix the syntax first.`,
    });
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new FlowJsonSourceError({
      source,
      message: `${where} must hold a JSON object with "version" and "screens".`,
    });
  }
  return { text, document: parsed as FlowJson };
}

/**
 * Serialises a document the way the client uploads it: two-space indentation, so that the line and
 * column pointers of Meta's validation errors point at something readable.
 */
export function serializeFlowJson(
  document: FlowJson | JsonObject,
  source: FlowJsonSourceError["source"] = "document",
): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(document, null, 2);
  } catch (error) {
    const detail = error instanceof Error ? error.message : "not serialisable";
    throw new FlowJsonSourceError({
      source,
      message: `The Flow JSON document cannot be serialised (${detail}).`,
    });
  }
  if (text === undefined) {
    throw new FlowJsonSourceError({
      source,
      message: "The Flow JSON document serialises to nothing; pass an object.",
    });
  }
  return parseText(text, source, "The Flow JSON document").text;
}

/**
 * Resolves a {@link FlowJsonSource} into the text to upload; a string or file is uploaded byte for byte
 * (after a JSON syntax check), a document or producer result is serialised with
 * {@link serializeFlowJson}. Throws {@link FlowJsonSourceError}.
 *
 * @example
 * const { text } = await resolveFlowJson({ path: "flows/signin.flow.json" }, (path) => readFile(path));
 */
export async function resolveFlowJson(
  source: FlowJsonSource,
  readFile?: FlowJsonFileReader,
): Promise<FlowJsonText> {
  if (typeof source === "string") return parseText(source, "string", "The Flow JSON string");
  if (source === null || typeof source !== "object") {
    throw new FlowJsonSourceError({
      source: "document",
      message: "Pass a Flow JSON document, JSON text, { path } or an object with toFlowJson().",
    });
  }
  if (isProducer(source)) {
    let document: FlowJson;
    try {
      document = await source.toFlowJson();
    } catch (error) {
      const detail = error instanceof Error ? error.message : "it threw";
      throw new FlowJsonSourceError({ source: "producer", message: `toFlowJson() failed: ${detail}` });
    }
    const text = serializeFlowJson(document, "producer");
    return { text, document: JSON.parse(text) as FlowJson };
  }
  if (isFile(source)) {
    if (readFile === undefined) {
      throw new FlowJsonSourceError({
        source: "file",
        message: `Cannot read ${source.path}: pass a readFile function in the client options (the CLI passes node:fs).`,
      });
    }
    let content: string | Uint8Array;
    try {
      content = await readFile(source.path);
    } catch (error) {
      const detail = error instanceof Error ? error.message : "read failed";
      throw new FlowJsonSourceError({ source: "file", message: `Cannot read ${source.path}: ${detail}` });
    }
    const text =
      typeof content === "string" ? content.replace(/^\uFEFF/, "") : new TextDecoder().decode(content);
    return parseText(text, "file", source.path);
  }
  const text = serializeFlowJson(source, "document");
  return { text, document: JSON.parse(text) as FlowJson };
}
