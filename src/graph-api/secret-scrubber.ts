/**
 * Removes secrets (the access token, raw, URI-encoded or JSON-escaped) from any text that may end up in an
 * error, a log line or a thrown message: Meta echoes malformed tokens back in its error messages, and
 * some fetch implementations put header values in their exceptions.
 */

const MARKER = "[redacted]";

/** A function that returns its input with every occurrence of the secrets it was made with removed. */
export type SecretScrubber = (text: string) => string;

/**
 * Makes a scrubber for `secrets`; the result never contains any of them, whatever the input.
 *
 * A secret longer than the marker is replaced by `[redacted]`; a shorter one is deleted, so every pass
 * shrinks the text and the loop ends. The loop runs until no secret is left, because a replacement can
 * create a new occurrence across its boundaries.
 *
 * @example
 * const scrub = createSecretScrubber(["EAAB123secret"]);
 * scrub("Malformed access token EAAB123secret"); // "Malformed access token [redacted]"
 */
export function createSecretScrubber(secrets: readonly string[]): SecretScrubber {
  const forms = [
    ...new Set(
      secrets.flatMap((secret) => [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]),
    ),
  ]
    .filter((form) => form.length > 0)
    .sort((a, b) => b.length - a.length);
  return (text) => {
    let result = text;
    for (;;) {
      const found = forms.find((form) => result.includes(form));
      if (found === undefined) return result;
      result = result.replaceAll(found, found.length > MARKER.length ? MARKER : "");
    }
  };
}

/**
 * Applies `scrub` to every string inside a plain value (objects, arrays, strings), leaving numbers,
 * booleans and `undefined` alone; used to clean whole error reasons in one place.
 */
export function scrubDeep<T>(value: T, scrub: SecretScrubber): T {
  if (typeof value === "string") return scrub(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => scrubDeep(item, scrub)) as T;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([key, item]) => [
      scrub(key),
      scrubDeep(item as unknown, scrub),
    ]);
    return Object.fromEntries(entries) as T;
  }
  return value;
}
