/** The later of two instants, one of the two numbers as it is rather than Math.max's new one: this runs once per rule and record. */
export function latest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined || a >= b ? a : b;
}
