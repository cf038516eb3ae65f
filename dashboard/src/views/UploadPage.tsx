import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { EntityKind, UploadResultView, ValidationReport } from '../api/views.ts';
import { ErrorBanner } from '../components/feedback.tsx';
import { ENTITY_LABELS } from '../format/labels.ts';
import { count } from '../format/numbers.ts';
import { vnLocalInputToIso } from '../format/vn-time.ts';
import { Link, unitHref } from '../router.tsx';
import { useSession } from '../session.ts';
import { checkFile, sendFile, waitForResult } from './upload-flow.ts';
import { UploadReport } from './UploadReport.tsx';
import { usePageTitle } from '../page-title.ts';

type Phase =
  | { step: 'idle' }
  | { step: 'sending' }
  | { step: 'checking'; key: string }
  | { step: 'applied'; key: string; rows: number; unit: string }
  | { step: 'rejected'; report: ValidationReport }
  | { step: 'failed'; message: string };

const ENTITIES = Object.keys(ENTITY_LABELS) as EntityKind[];

export function UploadPage(): JSX.Element {
  const { api, me } = useSession();
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const [unit, setUnit] = useState(me.code);
  const [entity, setEntity] = useState<EntityKind>('students');
  const [asOf, setAsOf] = useState('');
  const [file, setFile] = useState<File | undefined>();
  const polling = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => polling.current?.abort(), []);
  // A units file rewrites the hierarchy: the API lets only the department send one.
  const entities = me.kind === 'department' ? ENTITIES : ENTITIES.filter((e) => e !== 'units');
  const busy = phase.step === 'sending' || phase.step === 'checking';
  usePageTitle('Tải lên dữ liệu');

  const submit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (file === undefined) return setPhase({ step: 'failed', message: 'Chưa chọn tệp.' });
    const checked = checkFile(file);
    if ('problem' in checked) return setPhase({ step: 'failed', message: checked.problem });
    polling.current?.abort();
    const controller = new AbortController();
    polling.current = controller;
    try {
      setPhase({ step: 'sending' });
      const target = unit.trim();
      const grant = await sendFile(api, { unit: target, entity, file, contentType: checked.contentType, ...(asOf ? { asOf: vnLocalInputToIso(asOf) } : {}) });
      setPhase({ step: 'checking', key: grant.key });
      const result: Exclude<UploadResultView, { state: 'pending' }> = await waitForResult(api, grant.key, controller.signal);
      setPhase(result.state === 'applied' ? { step: 'applied', key: result.key, rows: result.rows, unit: target } : { step: 'rejected', report: result.report });
    } catch (error) {
      if (controller.signal.aborted) return;
      setPhase({ step: 'failed', message: error instanceof Error ? error.message : 'Không tải lên được tệp.' });
    }
  };

  return (
    <section aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1}>
        Tải lên dữ liệu
      </h1>
      <form class="upload-form" onSubmit={(e) => void submit(e)} data-testid="upload-form">
        <div class="field">
          <label for="upload-unit">Mã đơn vị</label>
          {me.kind === 'unit' ? (
            <input id="upload-unit" value={me.code} readOnly data-testid="upload-unit" />
          ) : (
            <input id="upload-unit" value={unit} onInput={(e) => setUnit(e.currentTarget.value)} required pattern="[A-Za-z0-9_.\-]+" data-testid="upload-unit" />
          )}
        </div>
        <div class="field">
          <label for="upload-entity">Loại dữ liệu</label>
          <select id="upload-entity" value={entity} onChange={(e) => setEntity(e.currentTarget.value as EntityKind)} data-testid="upload-entity">
            {entities.map((e) => (
              <option key={e} value={e}>
                {ENTITY_LABELS[e]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="upload-as-of">Số liệu tính đến (giờ Việt Nam, không bắt buộc)</label>
          <input id="upload-as-of" type="datetime-local" value={asOf} onInput={(e) => setAsOf(e.currentTarget.value)} data-testid="upload-as-of" />
        </div>
        <div class="field">
          <label for="upload-file">Tệp (.csv, .xlsx, .ndjson, có thể nén .gz; tối đa 50 MB)</label>
          <input id="upload-file" type="file" accept=".csv,.xlsx,.ndjson,.gz" required onChange={(e) => setFile(e.currentTarget.files?.[0])} data-testid="upload-file" />
        </div>
        <button type="submit" disabled={busy} data-testid="upload-submit">
          {busy ? 'Đang xử lý…' : 'Tải lên'}
        </button>
      </form>
      <div aria-live="polite" data-testid="upload-status">
        {phase.step === 'sending' ? <p>Đang gửi tệp…</p> : null}
        {phase.step === 'checking' ? <p>Đã gửi tệp, đang kiểm tra dữ liệu…</p> : null}
        {phase.step === 'applied' ? (
          <p class="ok" data-testid="upload-accepted" data-rows={phase.rows}>
            Đã nhận tệp: {count(phase.rows)} dòng hợp lệ được ghi nhận. Kết quả đánh giá được cập nhật ở lần chạy tiếp theo. <Link href={unitHref(phase.unit)}>Xem trang đơn vị</Link>
          </p>
        ) : null}
      </div>
      {phase.step === 'rejected' ? <UploadReport report={phase.report} /> : null}
      {phase.step === 'failed' ? <ErrorBanner error={phase.message} /> : null}
    </section>
  );
}
