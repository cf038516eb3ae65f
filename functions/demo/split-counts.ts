import type { Rng } from './prng.ts';

/**
 * Splits `total` into integer parts proportional to `weights` that add up to `total`
 * exactly (largest remainder; ties go to the earlier part).
 */
export function splitExact(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + w, 0);
  if (weights.length === 0 || sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, p) => a + p, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    left -= 1;
  }
  return parts;
}

/**
 * Places `count` items one at a time into bins that still have room, each draw weighted by
 * the bin's weight, so unverified records cluster in some schools as they do in the seed's
 * tables while never exceeding a school's own total.
 */
export function spreadWithin(count: number, capacities: readonly number[], weights: readonly number[], rng: Rng): number[] {
  const room = capacities.reduce((a, c) => a + c, 0);
  if (count > room) throw new RangeError(`cannot place ${count} items in ${room} places`);
  const placed = capacities.map(() => 0);
  for (let n = 0; n < count; n++) {
    const open = capacities.map((c, i) => (placed[i] as number) < c ? Math.max(weights[i] ?? 0, 1e-9) : 0);
    let x = rng.next() * open.reduce((a, w) => a + w, 0);
    let chosen = open.findIndex((w) => w > 0);
    for (let i = 0; i < open.length; i++) {
      const w = open[i] as number;
      if (w === 0) continue;
      chosen = i;
      if (x < w) break;
      x -= w;
    }
    placed[chosen] = (placed[chosen] as number) + 1;
  }
  return placed;
}
