import { contentTypesFor, MAX_UPLOAD_BYTES } from '../../../functions/core/access/upload-grant.ts';
import type { Api } from '../api/client.ts';
import type { EntityKind, UploadResponse, UploadResultView } from '../api/views.ts';
import { count } from '../format/numbers.ts';

/* The grant's own rules (core/access/upload-grant.ts) checked before asking for one, so a wrong file is named at once. */
export function checkFile(file: File): { contentType: string } | { problem: string } {
  const allowed = contentTypesFor(file.name);
  if (allowed.length === 0) return { problem: `Tệp “${file.name}” không đúng định dạng: chỉ nhận .csv, .xlsx, .ndjson, .csv.gz hoặc .ndjson.gz.` };
  if (file.size === 0) return { problem: `Tệp “${file.name}” rỗng.` };
  if (file.size > MAX_UPLOAD_BYTES) return { problem: `Tệp “${file.name}” quá lớn (${count(Math.ceil(file.size / 1_048_576))} MB); tối đa ${count(MAX_UPLOAD_BYTES / 1_048_576)} MB.` };
  // Browsers name CSV types differently (or not at all); the grant accepts the suffix's own type.
  return { contentType: allowed.includes(file.type) ? file.type : (allowed[0] ?? 'application/octet-stream') };
}

export interface UploadRequest {
  unit: string;
  entity: EntityKind;
  file: File;
  contentType: string;
  asOf?: string;
}

class StorageRefused extends Error {}

/** Asks the API for a presigned POST, then sends the fields and the file straight to storage. */
export async function sendFile(api: Api, request: UploadRequest): Promise<UploadResponse> {
  const { unit, entity, file, contentType, asOf } = request;
  const grant = await api.post<UploadResponse>('/api/uploads', { unit, entity, fileName: file.name, contentType, size: file.size, ...(asOf ? { asOf } : {}) });
  const form = new FormData();
  for (const [name, value] of Object.entries(grant.fields)) form.append(name, value);
  form.append('file', file);
  let response: Response;
  try {
    response = await fetch(grant.url, { method: 'POST', body: form });
  } catch {
    throw new StorageRefused('Không gửi được tệp lên kho lưu trữ. Kiểm tra mạng rồi thử lại.');
  }
  if (!response.ok) {
    const reason = /<Message>([^<]*)<\/Message>/.exec(await response.text())?.[1];
    throw new StorageRefused(`Kho lưu trữ từ chối tệp (HTTP ${response.status}${reason ? `: ${reason}` : ''}).`);
  }
  return grant;
}

const POLL_EVERY_MS = 1000;
/* The ingest answers in seconds; two minutes covers a 50 MB file behind a queue that is busy. */
const POLL_FOR_MS = 120_000;

class StillPending extends Error {}

/** Asks what became of the uploaded object until the ingest has applied or rejected it. */
export async function waitForResult(api: Api, key: string, signal: AbortSignal): Promise<Exclude<UploadResultView, { state: 'pending' }>> {
  const until = Date.now() + POLL_FOR_MS;
  for (;;) {
    const result = await api.get<UploadResultView>(`/api/uploads/result?key=${encodeURIComponent(key)}`, signal);
    if (result.state !== 'pending') return result;
    if (Date.now() > until) throw new StillPending('Tệp đã lên kho nhưng chưa có kết quả kiểm tra sau 2 phút. Vui lòng xem lại sau ít phút.');
    await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS));
    if (signal.aborted) throw new DOMException('aborted', 'AbortError');
  }
}
