import { Level } from 'level';
import type { UnopenableState } from './local-state-error.ts';

/**
 * Opens the folder's LevelDB and closes it again. dynalite opens its store only on the first
 * request and, when that fails, dies mid-request; asked first, a folder another `dondoc
 * start` holds or one that is not a database is reported before anything listens.
 */
export async function probeLevel(path: string): Promise<UnopenableState | undefined> {
  const db = new Level(path);
  try {
    await db.open();
  } catch (err) {
    // abstract-level wraps the reason: "Database failed to open", caused by the lock or the file system.
    const cause = (err as { cause?: { code?: unknown; message?: unknown } }).cause;
    const code = typeof cause?.code === 'string' ? cause.code : 'UNKNOWN';
    return { reason: code === 'LEVEL_LOCKED' ? 'locked' : 'unreadable', code, detail: String(cause?.message ?? (err as Error).message) };
  }
  await db.close();
  return undefined;
}
