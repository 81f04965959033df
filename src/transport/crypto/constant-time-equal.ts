/**
 * Comparing byte strings without an early exit, so the time taken does not reveal where two MACs
 * or digests first differ.
 */

/** True when `a` and `b` hold the same bytes; the time depends on the lengths only. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= (a[i] as number) ^ (b[i] as number);
  return difference === 0;
}
