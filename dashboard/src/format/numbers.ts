const INTEGER = new Intl.NumberFormat('vi-VN');
const PERCENT = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** "543.333" */
export function count(n: number): string {
  return INTEGER.format(n);
}

/** A rate already in percent (12.5 → "12,5%"). */
export function percent(rate: number): string {
  return `${PERCENT.format(rate)}%`;
}

/** part / whole in percent, 0 when there is no whole. */
export function share(part: number, whole: number): number {
  return whole === 0 ? 0 : (part / whole) * 100;
}
