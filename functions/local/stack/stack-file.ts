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
  const path = join(dataDir, NAME);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new DondocError('LOCAL_SERVICE', `Chưa chạy "npm start" trong ${dataDir} / no local stack is running (start it with npm start)`);
  }
  // Cut short or edited by hand: the stack it told of is not one to talk to.
  const stack = StackFile.safeParse(parseJson(text));
  if (!stack.success) {
    throw new DondocError('LOCAL_SERVICE', `${path} không phải tệp do "npm start" ghi / is not what "npm start" writes: chạy lại npm start / start it again`);
  }
  return stack.data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
