/**
 * Whether two printed recommendation numbers agree. A council restating the LGA's list renumbers
 * it under its own section ("4.3" for the report's "2.3"), so the last component — the place in
 * the list — is what is compared. Bullets (null) never agree with anything.
 */
export function numbersAgree(a: string | null, b: string | null): boolean {
  if (a == null || b == null) return false;
  const last = (n: string) => n.trim().replace(/[.)]+$/, '').split(/[.\s]+/).pop()?.toLowerCase() ?? '';
  const x = last(a);
  return x !== '' && x === last(b);
}
