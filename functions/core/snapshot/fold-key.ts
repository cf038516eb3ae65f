const COMBINING_MARKS = /[\u0300-\u036f]/g;
const D_STROKE = /đ/g;
const SEPARATORS = /[\s_\-/.]+/g;

/**
 * The comparison key for headers and labels: people type "Mã trường", "ma truong" and
 * "MA_TRUONG" for the same column. 'đ' is a letter of its own, not d plus a mark, so NFD
 * leaves it intact and it needs folding by hand.
 */
export function foldKey(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().replace(D_STROKE, 'd').replace(SEPARATORS, '');
}
