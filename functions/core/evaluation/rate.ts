/**
 * failing / total × 100, rounded half-up to two decimals, 0 when total is 0. Integer
 * arithmetic, because 13 / 284 × 100 in floating point must still print as the 4.58 a
 * dispatch printed.
 */
export function rate2(failing: number, total: number): number {
  if (total <= 0) return 0;
  const scaled = failing * 10_000;
  return Math.floor((2 * scaled + total) / (2 * total)) / 100;
}
