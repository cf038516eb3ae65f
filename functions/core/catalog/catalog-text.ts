import type { CatalogIssue } from './catalog-error.ts';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const UTF16LE_BOM = [0xff, 0xfe] as const;
const UTF16BE_BOM = [0xfe, 0xff] as const;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((b, i) => bytes[i] === b);

/** The 1-based line of the first character a lenient decoding had to replace: where the bytes stop being UTF-8. */
function firstBadLine(bytes: Uint8Array): number {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const at = lenient.indexOf('\uFFFD');
  return lenient.slice(0, Math.max(at, 0)).split('\n').length;
}

/**
 * A catalog file's text. YAML is UTF-8; a file saved as UTF-16 with its byte-order mark
 * (Notepad's "Unicode") is read too. Bytes of another encoding (Windows-1258, TCVN3) are
 * refused: decoded leniently, "Ngô Quyền" would become replacement characters that match no
 * district, and the deadline meant for it would silently apply to nobody.
 */
export function catalogText(file: string, bytes: Uint8Array): { text: string } | { issue: CatalogIssue } {
  const [encoding, bom] = startsWith(bytes, UTF16LE_BOM)
    ? (['utf-16le', UTF16LE_BOM.length] as const)
    : startsWith(bytes, UTF16BE_BOM)
      ? (['utf-16be', UTF16BE_BOM.length] as const)
      : (['utf-8', startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0] as const);
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(bom)) };
  } catch {
    const line = encoding === 'utf-8' ? firstBadLine(bytes.subarray(bom)) : undefined;
    return {
      issue: {
        file,
        path: '',
        ...(line !== undefined && { line }),
        vi: `tệp không phải văn bản ${encoding.toUpperCase()}: hãy lưu lại tệp với bảng mã UTF-8`,
        en: `the file is not ${encoding.toUpperCase()} text: save it again as UTF-8`,
      },
    };
  }
}
