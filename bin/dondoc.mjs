#!/usr/bin/env node
// A checkout needs no build step: the CLI bundles its TypeScript sources itself, whenever they change.
import { cliEntry } from './cli-bundle.mjs';

// A reader that stops early (`dondoc check … | head`) closes the pipe: that ends the output, not in a crash.
process.stdout.on('error', (err) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(process.exitCode ?? 0);
});

const { main } = await import(await cliEntry());
process.exitCode = await main(process.argv);
