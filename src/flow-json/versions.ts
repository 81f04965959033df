/**
 * Flow JSON and Data API versions: the versions Meta has published, the latest one, and a comparison
 * that reads `major.minor` as two integers (so 7.10 comes after 7.9, unlike a float comparison).
 *
 * @example
 * compareVersions("7.10", "7.9"); // 1
 * isFlowJsonVersion("6.1"); // true
 * isAtLeast("6.0", "6.1"); // false: CalendarPicker (6.1) is not available in a 6.0 flow
 * @see https://developers.facebook.com/docs/whatsapp/flows/changelogs
 */

/** Every Flow JSON version Meta has published, oldest first. */
export const FLOW_JSON_VERSIONS = [
  "2.1",
  "3.0",
  "3.1",
  "4.0",
  "5.0",
  "5.1",
  "6.0",
  "6.1",
  "6.2",
  "6.3",
  "7.0",
  "7.1",
  "7.2",
  "7.3",
] as const;

/** One of the published Flow JSON versions. */
export type FlowJsonVersion = (typeof FLOW_JSON_VERSIONS)[number];

/** The newest Flow JSON version; builders default to it. */
export const LATEST_FLOW_JSON_VERSION: FlowJsonVersion = "7.3";

/** Every Data API (endpoint protocol) version, oldest first; 4.0 adds `flow_token_signature`. */
export const DATA_API_VERSIONS = ["3.0", "4.0"] as const;

/** One of the published Data API versions. */
export type DataApiVersion = (typeof DATA_API_VERSIONS)[number];

/** The newest Data API version. */
export const LATEST_DATA_API_VERSION: DataApiVersion = "4.0";

/** A `major.minor` version read as two non-negative integers. */
export interface ParsedVersion {
  readonly major: number;
  readonly minor: number;
}

const VERSION_PATTERN = /^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})$/;

/**
 * Reads `"7.3"` as `{ major: 7, minor: 3 }`; anything that is not two dot-separated integers without
 * leading zeros (`"7"`, `"7.03"`, `" 7.3"`, `7.3` as a number) gives `undefined`.
 *
 * @example
 * parseVersion("6.10"); // { major: 6, minor: 10 }
 */
export function parseVersion(version: unknown): ParsedVersion | undefined {
  if (typeof version !== "string") return undefined;
  if (parsed.has(version)) return parsed.get(version);
  const match = VERSION_PATTERN.exec(version);
  const result =
    match === null ? undefined : Object.freeze({ major: Number(match[1]), minor: Number(match[2]) });
  if (parsed.size < MAX_PARSED) parsed.set(version, result);
  return result;
}

/** Versions already parsed: rules compare the same few versions many times. */
const parsed = new Map<string, ParsedVersion | undefined>();
const MAX_PARSED = 256;

/**
 * Orders two `major.minor` versions by their numeric components: negative when `a` is older, 0 when
 * equal, positive when newer. A version that does not parse sorts before every valid one.
 *
 * @example
 * ["7.10", "7.9", "2.1"].sort(compareVersions); // ["2.1", "7.9", "7.10"]
 */
export function compareVersions(a: string, b: string): number {
  const left = parseVersion(a);
  const right = parseVersion(b);
  if (left === undefined || right === undefined) {
    return (left === undefined ? 0 : 1) - (right === undefined ? 0 : 1);
  }
  return left.major !== right.major ? left.major - right.major : left.minor - right.minor;
}

/**
 * True when `version` is `minimum` or newer (numeric comparison); false when either does not parse.
 *
 * @example
 * isAtLeast("7.10", "7.9"); // true
 */
export function isAtLeast(version: string, minimum: string): boolean {
  if (parseVersion(version) === undefined || parseVersion(minimum) === undefined) return false;
  return compareVersions(version, minimum) >= 0;
}

const flowJsonVersions: ReadonlySet<string> = new Set(FLOW_JSON_VERSIONS);
const dataApiVersions: ReadonlySet<string> = new Set(DATA_API_VERSIONS);

/**
 * True when `value` is one of the published Flow JSON versions (exact string match).
 *
 * @example
 * isFlowJsonVersion("7.3"); // true
 * isFlowJsonVersion("7.4"); // false
 */
export function isFlowJsonVersion(value: unknown): value is FlowJsonVersion {
  return typeof value === "string" && flowJsonVersions.has(value);
}

/**
 * True when `value` is one of the published Data API versions (`"3.0"`, `"4.0"`).
 *
 * @example
 * isDataApiVersion("3.0"); // true
 */
export function isDataApiVersion(value: unknown): value is DataApiVersion {
  return typeof value === "string" && dataApiVersions.has(value);
}
