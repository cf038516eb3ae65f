/** Where the CLI's sources are; the project's own by default. */
export interface CliSources {
  sources: string;
  entry: string;
  cache: string;
}

/** The address of the CLI's entry module: the bundle of its sources, or the TypeScript entry itself when none can be built. */
export function cliEntry(where?: CliSources): Promise<string>;
