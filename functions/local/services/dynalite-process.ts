import dynalite from 'dynalite';
import { z } from 'zod';
import { probeLevel } from './level-probe.ts';
import { tuneLevelForDynalite } from './level-tuning.ts';
import { closeServer, listenOnLoopback } from './listening.ts';

/*
 * dynalite in a process of its own (forked by local-dynamodb.ts): the table's work runs on
 * the machine's other core instead of sharing one event loop with the handlers it serves.
 * Tells the parent its endpoint over IPC (or why its state cannot be opened), and stops when
 * told or when the parent goes.
 */
const Args = z.tuple([z.string(), z.coerce.number().int().min(0).max(65_535)]);
const [path, port] = Args.parse(process.argv.slice(2));
const unopenable = path === '' ? undefined : await probeLevel(path);
if (unopenable) {
  process.send?.({ unopenable }, () => process.exit(1));
} else {
  tuneLevelForDynalite();
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(path === '' ? {} : { path }) });
  const endpoint = await listenOnLoopback(server, port);
  process.send?.({ endpoint });

  const stop = () => {
    void closeServer(server).finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('disconnect', stop);
}
