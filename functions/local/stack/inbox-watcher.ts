import { watch } from 'node:fs';
import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface InboxOptions {
  dir: string;
  /** uploads one file; the key's entity comes from the file name or, failing that, its header */
  upload: (name: string, body: Buffer) => Promise<void>;
  onUploaded?: (name: string) => void;
  onError?: (name: string, error: unknown) => void;
}

const SETTLE_MS = 300;

/**
 * A folder that behaves like the upload page: drop a file in, it is uploaded like a unit's
 * upload and moved to `processed/`. A file is taken once its size has stopped changing, so a
 * large copy is not read half-written.
 */
export async function watchInbox(opts: InboxOptions): Promise<() => void> {
  const processed = join(opts.dir, 'processed');
  await mkdir(processed, { recursive: true });
  const busy = new Set<string>();
  const take = async (name: string) => {
    if (busy.has(name) || name === 'processed' || name.startsWith('.')) return;
    busy.add(name);
    const path = join(opts.dir, name);
    try {
      if (!(await settled(path))) return;
      await opts.upload(name, await readFile(path));
      await rename(path, join(processed, `${Date.now()}-${name}`));
      opts.onUploaded?.(name);
    } catch (err) {
      opts.onError?.(name, err);
    } finally {
      busy.delete(name);
    }
  };
  const watcher = watch(opts.dir, (_event, name) => {
    if (name !== null) void take(name);
  });
  return () => watcher.close();
}

async function settled(path: string): Promise<boolean> {
  let last = -1;
  for (;;) {
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) return false;
    if (info.size === last) return true;
    last = info.size;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  }
}
