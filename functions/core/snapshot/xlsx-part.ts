import { Transform, type Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { crc32 } from 'node:zlib';
import type { CentralDirectoryFile } from 'unzipper';
import { DondocError } from '../errors.ts';
import { PrefixStripper } from './xml-prefix.ts';

/** Enough of a part's end to hold its root element's closing tag. */
const TAIL_CHARS = 256;
/** The closing tag a complete XML part ends with, whatever its namespace prefix. */
const CLOSING_TAG = /<\/(?:[\w.-]+:)?([\w.-]+)\s*>\s*$/;

/** An edit of a part's text as it streams by: what `push` holds back, `end` gives at the part's end. */
export interface TextFilter {
  push(text: string): string;
  end(): string;
}

function corrupt(vi: string, en: string): DondocError {
  return new DondocError('INVALID_SNAPSHOT', `${vi} / ${en}`);
}

/**
 * A workbook part as UTF-8 text, checked as it streams by. Decoded here with a streaming
 * decoder: exceljs decodes each chunk of bytes on its own, so a Vietnamese letter split
 * between two chunks came out as two replacement characters and a valid workbook was refused.
 * Its zip reader checks no CRC-32, and its XML reader never closes the document, so a changed
 * byte or a part cut short was read as if whole: the CRC and the root's closing tag
 * (`</worksheet>`, `</sst>`) are checked when the part ends, before its last rows are trusted.
 * A namespace prefix on its tags is taken off on the way (xml-prefix.ts), then `filters` edit it in turn.
 */
export function partText(file: CentralDirectoryFile, root: string, filters: readonly TextFilter[] = []): Readable {
  const decoder = new StringDecoder('utf8');
  const edits = [new PrefixStripper(), ...filters];
  const edit = (text: string): string => edits.reduce((t, f) => f.push(t), text);
  let crc = 0;
  let tail = '';
  const checked = new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      crc = crc32(chunk, crc);
      const text = decoder.write(chunk);
      tail = (tail + text).slice(-TAIL_CHARS);
      const read = edit(text);
      done(null, read === '' ? undefined : read);
    },
    flush(done) {
      const text = decoder.end();
      tail = (tail + text).slice(-TAIL_CHARS);
      if (crc >>> 0 !== file.crc32 >>> 0) {
        done(corrupt(`phần ${file.path} của bảng tính bị hỏng (mã kiểm tra CRC không khớp)`, `part ${file.path} of the workbook is corrupt (its CRC check fails)`));
        return;
      }
      if (CLOSING_TAG.exec(tail)?.[1] !== root) {
        done(corrupt(`phần ${file.path} của bảng tính bị cắt cụt (thiếu thẻ đóng </${root}>)`, `part ${file.path} of the workbook is cut short (no closing </${root}>)`));
        return;
      }
      const read = edits.reduce((t, f) => f.push(t) + f.end(), text);
      done(null, read === '' ? undefined : read);
    },
  });
  const source = file.stream();
  source.on('error', (error) => checked.destroy(error));
  return source.pipe(checked);
}
