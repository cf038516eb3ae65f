import type { Finding } from './types.ts';

/** Collects findings once each: a school without an address is one finding, however many requirements it is behind on. */
export class Findings {
  private readonly seen = new Map<string, Finding>();

  add(finding: Finding): void {
    const key = JSON.stringify(finding);
    if (!this.seen.has(key)) this.seen.set(key, finding);
  }

  list(): Finding[] {
    return [...this.seen.values()];
  }
}
