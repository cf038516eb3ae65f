import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { UnitChildren } from '../api/views.ts';
import { navigate } from '../router.tsx';
import { useResource } from '../use-resource.ts';

/**
 * The department may look at one district office's schools; the offices come from its
 * children, asked for once the page's own data is on screen so that they do not delay it.
 */
export function OfficePicker({ path, department, office, ready }: { path: string; department: string; office: string; ready: boolean }): JSX.Element {
  const [asked, setAsked] = useState(ready);
  if (ready && !asked) setAsked(true);
  const children = useResource<UnitChildren>(asked ? `/api/units/${encodeURIComponent(department)}/children` : null);
  const offices = (children.data?.children ?? []).map((c) => c.unit).filter((u) => u.unitKind === 'district_office');
  const pick = (code: string): void => navigate(code ? `${path}?office=${encodeURIComponent(code)}` : path);
  return (
    <div class="picker">
      <label for="office-picker">Phạm vi</label>
      <select id="office-picker" data-testid="office-picker" value={office} onChange={(e) => pick(e.currentTarget.value)}>
        <option value="">Toàn tỉnh/thành phố</option>
        {offices.map((u) => (
          <option key={u.unitCode} value={u.unitCode}>
            {u.unitName}
          </option>
        ))}
        {office && !offices.some((u) => u.unitCode === office) ? <option value={office}>{office}</option> : null}
      </select>
    </div>
  );
}
