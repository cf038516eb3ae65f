/* unzipper (exceljs's own zip reader, pinned alike) ships no types; this is the part of its API xlsx-table.ts uses. */
declare module 'unzipper' {
  import type { Readable } from 'node:stream';

  export interface CentralDirectoryFile {
    path: string;
    type: 'File' | 'Directory';
    /** as the central directory records it */
    crc32: number;
    stream(): Readable;
  }

  export interface CentralDirectory {
    files: CentralDirectoryFile[];
  }

  const unzipper: { Open: { file(path: string): Promise<CentralDirectory> } };
  export default unzipper;
}
