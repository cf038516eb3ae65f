const HIDDEN = '••••••';

/** How a national ID may appear in a report: `0312••••••03`; too short to hide a middle, nothing shows. */
export function maskNationalId(value: string): string {
  const compact = value.replace(/\s+/g, '');
  return compact.length < 8 ? HIDDEN : `${compact.slice(0, 4)}${HIDDEN}${compact.slice(-2)}`;
}
