import { getSystemErrorMap } from 'node:util';

/** A failure the operating system reported on a file or a socket, as Node gives it. */
export interface SystemFailure {
  /** the system's code, such as EACCES or ECONNREFUSED */
  code: string;
  /** what the code means, as the system says it ("permission denied") */
  reason: string;
  path?: string;
}

/** The system failure `err` is, told by its `code` and `syscall` (never by its message); undefined for any other error. */
export function systemFailure(err: unknown): SystemFailure | undefined {
  if (!(err instanceof Error) || !('code' in err) || typeof err.code !== 'string' || !('syscall' in err)) return undefined;
  const errno = 'errno' in err && typeof err.errno === 'number' ? err.errno : undefined;
  const reason = (errno === undefined ? undefined : getSystemErrorMap().get(errno)?.[1]) ?? err.code;
  return { code: err.code, reason, ...('path' in err && typeof err.path === 'string' ? { path: err.path } : {}) };
}
