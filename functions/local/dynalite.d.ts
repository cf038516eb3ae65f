/* dynalite ships no types; this is the part of its API the local stack and the tests use. */
declare module 'dynalite' {
  import type { Server } from 'node:http';

  interface DynaliteOptions {
    /** how long tables stay CREATING (default 500 ms) */
    createTableMs?: number;
    deleteTableMs?: number;
    updateTableMs?: number;
    maxItemSizeKb?: number;
    /** a LevelDB directory; in memory when absent */
    path?: string;
  }

  export default function dynalite(options?: DynaliteOptions): Server;
}
