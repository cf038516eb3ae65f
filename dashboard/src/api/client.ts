import * as z from 'zod/mini';
import type { Auth } from '../auth/auth.ts';

/** An API answer other than success, with the message written for the user. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.optional(z.string()) }) });

/* The API writes "Vietnamese / English"; the page is Vietnamese. */
function vietnamese(message: string): string {
  return message.split(' / ')[0] ?? message;
}

async function apiError(response: Response): Promise<ApiError> {
  const parsed = ErrorBody.safeParse(await response.json().catch(() => null));
  if (parsed.success) {
    const { code, message, field } = parsed.data.error;
    return new ApiError(response.status, code, vietnamese(message), field);
  }
  return new ApiError(response.status, 'HTTP', `Máy chủ trả lời lỗi HTTP ${response.status}. Vui lòng thử lại sau.`);
}

export interface Api {
  get<T>(path: string, signal?: AbortSignal): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
  /** fetches a file with the user's credentials and hands it to the browser as a download */
  download(path: string, fileName: string): Promise<void>;
}

export function createApi(auth: Auth): Api {
  async function send(path: string, init: RequestInit): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(auth.apiBase + path, { ...init, credentials: auth.credentials, headers: { ...auth.headers(), ...init.headers } });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw new ApiError(0, 'NETWORK', 'Không kết nối được với máy chủ. Kiểm tra mạng rồi thử lại.');
    }
    if (response.status === 401) auth.signIn();
    if (!response.ok) throw await apiError(response);
    return response;
  }
  return {
    get: async <T>(path: string, signal?: AbortSignal) => (await (await send(path, signal ? { signal } : {})).json()) as T,
    post: async <T>(path: string, body: unknown) =>
      (await (await send(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as T,
    download: async (path, fileName) => {
      const blob = await (await send(path, {})).blob();
      const href = URL.createObjectURL(blob);
      const link = Object.assign(document.createElement('a'), { href, download: fileName });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
    },
  };
}
