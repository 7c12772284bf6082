/**
 * Section numbers: "2.1", "1.", "4.3.2", "1.0". Parsed into components so the recognisers can
 * ask whether a number continues the document's sequence.
 */

export function cleanNumber(marker: string): string {
  return marker.replace(/[.):]+$/, '').replace(/^\(/, '');
}

/** "2.1" → [2, 1]; "3.0" → [3] (x.0 is how some templates write a top-level number); null if not numeric */
export function components(number: string): number[] | null {
  if (!/^\d{1,3}(\.\d{1,3})*$/.test(number)) return null;
  const parts = number.split('.').map(Number);
  while (parts.length > 1 && parts[parts.length - 1] === 0) parts.pop();
  return parts;
}

/**
 * Whether `next` can follow `prev` in an outline: the next sibling (a gap of one is tolerated), a
 * first child, or a later sibling of an ancestor. With no previous number, a low start is required.
 */
export function continuesOutline(prev: number[] | null, next: number[]): boolean {
  if (!prev) return next[0]! <= 3 && next.slice(1).every((n) => n <= 2);
  if (next.length === prev.length + 1 && next.slice(0, prev.length).every((n, i) => n === prev[i]) && next[next.length - 1]! <= 2) return true;
  for (let depth = Math.min(prev.length, next.length); depth >= 1; depth--) {
    if (next.length !== depth) continue;
    const same = next.slice(0, depth - 1).every((n, i) => n === prev[i]);
    const step = next[depth - 1]! - prev[depth - 1]!;
    if (same && step >= 1 && step <= 2) return true;
  }
  return false;
}

/** Two printed numbers at one depth under one parent ("5.2" and "5.3", "c" and "d"): their last parts, else null. */
function lastParts(a: string, b: string): [string, string] | null {
  const pa = a.split('.');
  const pb = b.split('.');
  if (pa.length !== pb.length || pa.slice(0, -1).join('.') !== pb.slice(0, -1).join('.')) return null;
  return [pa[pa.length - 1]!, pb[pb.length - 1]!];
}

/** 5.3 beside 5.2: another number at the same depth under the same parent. */
export function isSibling(a: string, b: string): boolean {
  return a !== b && lastParts(a, b) !== null;
}

/** Whether `b` is the number after `a` in one sequence: 2.4 → 2.5, 9 → 10, c → d. */
export function nextInSequence(a: string, b: string | null): boolean {
  const last = b === null ? null : lastParts(a, b);
  if (!last) return false;
  const [x, y] = last;
  if (/^\d+$/.test(x) && /^\d+$/.test(y)) return Number(y) === Number(x) + 1;
  return /^[a-z]$/i.test(x) && /^[a-z]$/i.test(y) && y.toLowerCase().charCodeAt(0) === x.toLowerCase().charCodeAt(0) + 1;
}
