import { readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROJECT = { sources: join(ROOT, 'functions'), entry: join(ROOT, 'functions', 'cli', 'main.ts'), cache: join(ROOT, 'node_modules', '.cache', 'dondoc-cli') };

/**
 * The newest modification time and the count of the sources, then this file's modification
 * time, as it says how they are bundled: a bundle built from them is named after all three.
 */
function sourcesStamp(sources) {
  let newest = 0;
  let count = 0;
  // Synchronous: some 300 stats one after the other took 25 ms as promises, a few ms this way, on every command.
  for (const entry of readdirSync(sources, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    count += 1;
  }
  const bundler = statSync(fileURLToPath(import.meta.url)).mtimeMs;
  return `${Math.floor(newest)}-${count}-${Math.floor(bundler)}`;
}

/**
 * Bundled modules keep the address of their own source file, so paths they resolve from
 * it (the shipped catalog, the dashboard, the dynalite child) stay where they are.
 */
const ownAddress = {
  name: 'own-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
      loader: 'ts',
    }));
  },
};

/*
 * Packages load from node_modules as they are, but for @date-fns/tz: its modules (and
 * date-fns's, when the code used `date-fns/format`, a hundred of them, some 45 ms to find
 * and load on every command that reads or writes a time) parse in a few bundled.
 */
const BUNDLED_PACKAGES = /^@date-fns\/tz(?:\/|$)/;

const packagesExternal = {
  name: 'packages-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED_PACKAGES.test(args.path) ? undefined : { path: args.path, external: true }));
  },
};

async function buildInto(entry, dir) {
  const { build } = await import('esbuild');
  const scratch = `${dir}.${process.pid}.tmp`;
  await build({
    entryPoints: { main: entry },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Each command's modules stay a chunk of their own, loaded when it runs.
    splitting: true,
    outdir: scratch,
    logLevel: 'silent',
    // The bundle's own folder, where it keeps what belongs to this build (the CLI's parsed catalogs).
    define: { DONDOC_BUNDLE_DIR: JSON.stringify(dir) },
    plugins: [packagesExternal, ownAddress],
  });
  try {
    await rename(scratch, dir);
  } catch (err) {
    // Another process built the same sources first: its bundle serves.
    await rm(scratch, { recursive: true, force: true });
    if (!['EEXIST', 'ENOTEMPTY'].includes(err?.code)) throw err;
  }
}

/**
 * The CLI's entry module: a bundle of the TypeScript sources, rebuilt when any source
 * changes, since loading ~150 modules through tsx's loader cost the better part of a second
 * on every command. Without a bundle (esbuild missing, an unwritable folder, a source that
 * does not compile) the sources run through tsx as before, which reports any error its way.
 */
export async function cliEntry({ sources, entry, cache } = PROJECT) {
  try {
    const dir = join(cache, sourcesStamp(sources));
    const main = join(dir, 'main.js');
    if (!(await stat(main).catch(() => undefined))) {
      await mkdir(cache, { recursive: true });
      await buildInto(entry, dir);
      await removeOlder(cache, dir);
    }
    return pathToFileURL(main).href;
  } catch {
    const { register } = await import('tsx/esm/api');
    register();
    return pathToFileURL(entry).href;
  }
}

/** An hour after a newer build: a command started from an older bundle may still be loading its chunks. */
const STALE_AFTER_MS = 3_600_000;

async function removeOlder(cache, current) {
  for (const name of await readdir(cache)) {
    const dir = join(cache, name);
    if (dir === current) continue;
    const { mtimeMs } = await stat(dir);
    if (Date.now() - mtimeMs > STALE_AFTER_MS) await rm(dir, { recursive: true, force: true });
  }
}
