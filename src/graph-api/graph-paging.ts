/**
 * Cursor paging of Graph API edges (`data[]` + `paging.cursors`), as one page or as an async iterator
 * over every item.
 */
import { Schema } from "effect";

/** `paging` of an edge answer; `next` is absent on the last page. */
export const GraphPaging = Schema.Struct({
  cursors: Schema.optionalKey(
    Schema.Struct({ before: Schema.optionalKey(Schema.String), after: Schema.optionalKey(Schema.String) }),
  ),
  next: Schema.optionalKey(Schema.String),
  previous: Schema.optionalKey(Schema.String),
});

/** The Schema of one page of `item`s. */
export function graphPage<T>(item: Schema.Decoder<T>) {
  return Schema.Struct({ data: Schema.Array(item), paging: Schema.optionalKey(GraphPaging) });
}

/** One page of results, with the cursor of the next page when there is one. */
export interface Page<T> {
  readonly data: readonly T[];
  /** Pass it as `after` to get the next page; absent on the last page. */
  readonly after?: string;
}

/** Reduces a decoded page to {@link Page}: `after` only when Meta says there is a next page. */
export function toPage<T>(page: {
  readonly data: readonly T[];
  readonly paging?: typeof GraphPaging.Type;
}): Page<T> {
  const after = page.paging?.cursors?.after;
  const hasNext = page.paging?.next !== undefined && after !== undefined && page.data.length > 0;
  return hasNext ? { data: page.data, after } : { data: page.data };
}

/**
 * Every item of every page, fetched lazily: the next page is requested only when the consumer gets
 * past the current one, and breaking out of the loop stops the requests.
 *
 * @example
 * for await (const flow of iteratePages((after) => client.flows.listPage({ wabaId, after }))) console.log(flow.name);
 */
export async function* iteratePages<T>(
  fetchPage: (after: string | undefined) => Promise<Page<T>>,
): AsyncGenerator<T, void> {
  let after: string | undefined;
  for (;;) {
    const page = await fetchPage(after);
    yield* page.data;
    if (page.after === undefined || page.after === after) return;
    after = page.after;
  }
}
