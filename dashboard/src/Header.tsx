import type { JSX } from 'preact';
import { SCOPE_LABELS } from './format/labels.ts';
import { Link, officeHref, unitHref } from './router.tsx';
import { useSession } from './session.ts';

const NAV: ReadonlyArray<{ href: string; label: string; matches: (path: string) => boolean }> = [
  { href: '/', label: 'Tổng quan', matches: (p) => p === '/' || p.startsWith('/yeu-cau/') },
  { href: '/phu-luc', label: 'Phụ lục 1–4', matches: (p) => p === '/phu-luc' },
  { href: '/don-vi', label: 'Đơn vị', matches: (p) => p.startsWith('/don-vi') || p.startsWith('/units/') },
  { href: '/qua-han', label: 'Quá hạn', matches: (p) => p === '/qua-han' },
  { href: '/lich', label: 'Lịch hạn', matches: (p) => p === '/lich' },
  { href: '/tai-len', label: 'Tải lên', matches: (p) => p === '/tai-len' },
];

export function Header({ path }: { path: string }): JSX.Element {
  const { me, auth } = useSession();
  return (
    <header class="top">
      <div class="brand">
        <Link href="/">dondoc</Link>
        <span class="muted small">Đôn đốc cập nhật CSDL ngành</span>
      </div>
      <nav aria-label="Chính">
        <ul>
          {NAV.map((item) => (
            <li key={item.href}>
              <Link href={item.href !== '/don-vi' ? item.href : me.kind === 'unit' ? unitHref(me.code) : officeHref(me.code)} aria-current={item.matches(path) ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div class="user" data-testid="current-user">
        <span>
          <strong data-testid="current-user-name">{me.name}</strong> <span class="muted small">({SCOPE_LABELS[me.kind]} · {me.code})</span>
        </span>
        {auth.switchUserHref ? (
          <a href={auth.switchUserHref} data-testid="switch-user">
            Đổi người dùng
          </a>
        ) : null}
        {auth.signOut ? (
          <button type="button" class="link" onClick={auth.signOut} data-testid="sign-out">
            Đăng xuất
          </button>
        ) : null}
      </div>
    </header>
  );
}
