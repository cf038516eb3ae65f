/** Exact comparison that still forgives encoding (NFC/NFD), letter case and stray spaces. */
export function foldCase(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}
