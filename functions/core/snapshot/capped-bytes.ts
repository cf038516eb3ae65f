import { Transform } from 'node:stream';
import { DondocError } from '../errors.ts';

const MIB = 1024 * 1024;

/** A workbook's bytes passed through until `limit` of them have passed; then the stream fails with INVALID_SNAPSHOT. */
export function cappedBytes(limit: number): Transform {
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size <= limit) {
        done(null, chunk);
        return;
      }
      const mb = Math.floor(limit / MIB);
      done(
        new DondocError(
          'INVALID_SNAPSHOT',
          `Bảng tính lớn hơn ${mb} MB (sau khi giải nén gzip); hãy chia nhỏ hoặc xuất CSV / the workbook is larger than ${mb} MB (once un-gzipped); split it or export CSV`,
        ),
      );
    },
  });
}
