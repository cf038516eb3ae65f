import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { copyFile, mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** The province's own ID prefix (Hải Phòng, 031) in the generated files; the copies take another province's. */
const ORIGINAL_PREFIX = '031';
const COPY_PREFIX = '099';

const lines = (file: string) => createInterface({ input: createReadStream(file), crlfDelay: Infinity });

/**
 * A data set with the same units as `from` and twice the people: every person row again, its
 * record code suffixed "B" and its national ID moved to another province's prefix, so the
 * copies repeat no code and no ID. What grows between the two is the rows alone, not the units
 * (the generator's larger scales add schools too): the measure of whether memory follows rows.
 */
export async function doubledRows(from: string, to: string): Promise<void> {
  if (existsSync(join(to, 'staff.csv'))) return;
  await mkdir(to, { recursive: true });
  await copyFile(join(from, 'units.csv'), join(to, 'units.csv'));
  for (const [entity, codeColumn] of [
    ['students', 'student_code'],
    ['staff', 'staff_code'],
  ] as const) {
    const source = join(from, `${entity}.csv`);
    const partial = join(to, `${entity}.csv.partial`);
    const out = createWriteStream(partial);
    const write = async (line: string) => {
      if (!out.write(`${line}\n`)) await once(out, 'drain');
    };
    // The file as it is, header included, then each person row again as its copy.
    for await (const line of lines(source)) await write(line);
    let code = -1;
    let id = -1;
    for await (const line of lines(source)) {
      // Generated rows hold no quotes, so splitting at commas is exact.
      const cells = line.split(',');
      if (code < 0) {
        [code, id] = [cells.indexOf(codeColumn), cells.indexOf('national_id')];
        continue;
      }
      cells[code] = `${cells[code]}B`;
      const nationalId = cells[id];
      if (nationalId?.startsWith(ORIGINAL_PREFIX)) cells[id] = COPY_PREFIX + nationalId.slice(ORIGINAL_PREFIX.length);
      await write(cells.join(','));
    }
    out.end();
    await once(out, 'close');
    await rename(partial, join(to, `${entity}.csv`));
  }
}
