/**
 * Vietnamese text as people type it: with or without accents, NFC or NFD, any case. Folding
 * lets "Viet Yen", "VIỆT YÊN" and "Việt Yên" name the same district, and "truoc ngay" the same
 * deadline phrase as "trước ngày".
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
