/**
 * Reading a request body into bytes while enforcing a size limit, so that an oversized request is refused
 * with 413 after reading at most `limit + 1` bytes instead of being buffered whole.
 *
 * @example
 * const body = await readBody(request.body ? streamChunks(request.body) : [], 1024 * 1024);
 * if (body === "too-large") return new Response(null, { status: 413 });
 */

/** The marker `readBody` returns when the body is larger than the limit. */
export const TOO_LARGE = "too-large";

/** Collects `chunks` into one array, or answers {@link TOO_LARGE} as soon as they exceed `limit` bytes. */
export async function readBody(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  limit: number,
): Promise<Uint8Array | typeof TOO_LARGE> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > limit) return TOO_LARGE;
    parts.push(chunk);
  }
  if (parts.length === 1 && parts[0] !== undefined) return parts[0];
  const body = new Uint8Array(size);
  let offset = 0;
  for (const part of parts) {
    body.set(part, offset);
    offset += part.byteLength;
  }
  return body;
}

/** Iterates a web `ReadableStream` with its reader, which every runtime supports. */
export async function* streamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** True when a declared `content-length` already exceeds the limit, so the body need not be read at all. */
export function declaredLengthExceeds(contentLength: string | null | undefined, limit: number): boolean {
  if (contentLength === null || contentLength === undefined) return false;
  const declared = Number(contentLength);
  return Number.isFinite(declared) && declared > limit;
}
