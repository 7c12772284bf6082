/**
 * Folds over arrays an input sizes. `Math.max(...xs)` and `a.push(...xs)` pass every item as an
 * argument on the stack and throw "Maximum call stack size exceeded" past ~120,000 items (a page of
 * that many lines, a row of that many cells): these loop instead. Lint forbids the spread forms.
 */

/** The largest of `xs`, or `empty` when there are none (Math.max gives -Infinity). */
export function maxOf(xs: Iterable<number>, empty = -Infinity): number {
  let best = -Infinity;
  let any = false;
  for (const x of xs) {
    any = true;
    // Math.max's rules: NaN wins, +0 is above -0
    if (x > best || Number.isNaN(x) || (x === 0 && best === 0 && Object.is(best, -0))) best = x;
    if (Number.isNaN(best)) return NaN;
  }
  return any ? best : empty;
}

/** The smallest of `xs`, or `empty` when there are none (Math.min gives Infinity). */
export function minOf(xs: Iterable<number>, empty = Infinity): number {
  let best = Infinity;
  let any = false;
  for (const x of xs) {
    any = true;
    if (x < best || Number.isNaN(x) || (x === 0 && best === 0 && Object.is(x, -0))) best = x;
    if (Number.isNaN(best)) return NaN;
  }
  return any ? best : empty;
}

/** Append every item of `items` to `target` (in place), and return `target`. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const x of items) target.push(x);
  return target;
}
