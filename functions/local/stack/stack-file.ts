import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { DondocError } from '../../core/errors.ts';

/** What a running `dondoc start` tells other commands (`dondoc upload --local`, `dondoc schedule --local`). */
export const StackFile = z.object({
  pid: z.number().int(),
  dashboard: z.url(),
  mailbox: z.url(),
  s3: z.url(),
  bucket: z.string(),
  dataDir: z.string(),
});
export type StackFile = z.infer<typeof StackFile>;

const NAME = 'stack.json';

export async function writeStackFile(dataDir: string, stack: StackFile): Promise<void> {
  await writeFile(join(dataDir, NAME), `${JSON.stringify(stack, null, 2)}\n`);
}

export async function readStackFile(dataDir: string): Promise<StackFile> {
  let text: string;
  try {
    text = await readFile(join(dataDir, NAME), 'utf8');
  } catch {
    throw new DondocError('LOCAL_SERVICE', `Chưa chạy "npm start" trong ${dataDir} / no local stack is running (start it with npm start)`);
  }
  return StackFile.parse(JSON.parse(text) as unknown);
}
