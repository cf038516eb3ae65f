import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { encode, pickEncoding, type Encoding } from './compression.ts';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/* Vite names what it emits under assets/ by content hash: a new build never reuses a name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

export interface StaticFile {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

interface Cached {
  mtimeMs: number;
  plain: Buffer;
  encoded: Partial<Record<Encoding, Buffer>>;
}

/**
 * The built dashboard (dashboard/dist) as a single-page app: a file when one exists, 404 for
 * a missing asset, the index page for any other path (the app routes it: unit codes may hold dots).
 * Text files are compressed once per build and kept.
 */
export class StaticSite {
  private readonly cache = new Map<string, Cached>();

  constructor(private readonly root: string) {}

  /** undefined when the dashboard has not been built */
  async get(pathname: string, acceptEncoding: string | undefined): Promise<StaticFile | undefined> {
    const index = join(this.root, 'index.html');
    if (!(await isFile(index))) return undefined;
    const file = this.resolve(pathname);
    if (file !== undefined && (await isFile(file))) return this.serve(file, acceptEncoding);
    if (!pathname.startsWith('/assets/')) return this.serve(index, acceptEncoding);
    return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': REVALIDATE }, body: Buffer.from('Không tìm thấy / not found') };
  }

  /* A path that climbs out of the root after normalising is no file of the site. */
  private resolve(pathname: string): string | undefined {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return undefined;
    }
    const file = normalize(join(this.root, decoded));
    return file.startsWith(this.root + sep) ? file : undefined;
  }

  private async serve(file: string, acceptEncoding: string | undefined): Promise<StaticFile> {
    const { mtimeMs } = await stat(file);
    let cached = this.cache.get(file);
    if (cached?.mtimeMs !== mtimeMs) {
      cached = { mtimeMs, plain: await readFile(file), encoded: {} };
      this.cache.set(file, cached);
    }
    const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = {
      'content-type': type,
      'cache-control': file.includes(`${sep}assets${sep}`) ? IMMUTABLE : REVALIDATE,
      vary: 'accept-encoding',
    };
    const encoding = pickEncoding(acceptEncoding, type, cached.plain.length);
    if (encoding === undefined) return { status: 200, headers, body: cached.plain };
    cached.encoded[encoding] ??= encode(cached.plain, encoding, 'max');
    return { status: 200, headers: { ...headers, 'content-encoding': encoding }, body: cached.encoded[encoding] };
  }
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => undefined))?.isFile() ?? false;
}
