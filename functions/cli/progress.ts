/**
 * Progress for long files, on stderr and only when stderr is a terminal, so scripts and
 * pipes never see it.
 */
export interface Progress {
  update(label: string, rows: number): void;
  done(): void;
}

const REDRAW_MS = 200;

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { update: () => undefined, done: () => undefined };
  let last = 0;
  let drawn = false;
  return {
    update(label, rows) {
      const now = Date.now();
      if (now - last < REDRAW_MS) return;
      last = now;
      drawn = true;
      stream.write(`\r\x1b[K${label}: ${rows.toLocaleString('vi-VN')} dòng`);
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
