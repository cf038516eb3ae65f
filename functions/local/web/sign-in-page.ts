import type { Scope } from '../../core/access/scope.ts';
import { esc } from '../../core/notify/templates/html.ts';
import type { DemoUser } from './demo-users.ts';

const KIND_LABEL: Readonly<Record<Scope['kind'], string>> = {
  department: 'Sở GDĐT — xem toàn tỉnh',
  district_office: 'Phòng GDĐT — xem các trường của phòng',
  unit: 'Trường, trung tâm — xem đơn vị mình, tải dữ liệu lên',
};

/* A grid, so that a province's fifteen offices and the schools below them fit on one laptop screen. */
const STYLE = `body{font-family:system-ui,sans-serif;margin:0 auto;padding:1rem;max-width:64rem;color:#1a1a1a}h1{font-size:1.4rem}
h2{font-size:1.05rem;margin-top:1.2rem}ul{list-style:none;padding:0;margin:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.4rem}
button{font:inherit;width:100%;height:100%;text-align:left;padding:.5rem .7rem;border:1px solid #c5cad3;border-radius:6px;background:#fff;cursor:pointer}
button:hover,button:focus{border-color:#1f5fbf;background:#f0f5ff}small{color:#555}.now{background:#eef7ee;padding:.5rem .8rem;border-radius:6px}
footer{margin-top:2rem;font-size:.9rem}footer a{margin-right:1rem}`;

export interface SignInPageInput {
  users: readonly DemoUser[];
  current: Scope | undefined;
  mailboxUrl: string;
}

/**
 * The local sign-in: pick a demo user, one button each, grouped by what the user may read.
 * Only unit codes and unit names — the registry holds no person's name.
 */
export function signInPage({ users, current, mailboxUrl }: SignInPageInput): string {
  const groups = (['department', 'district_office', 'unit'] as const)
    .map((kind) => {
      const items = users
        .filter((u) => u.scope.kind === kind)
        .map(
          (u) =>
            `<li><button name="code" value="${esc(u.scope.code)}" data-testid="sign-in-${esc(u.scope.code)}">${esc(u.unitName)} <small>${esc(u.scope.code)}${u.parent === undefined ? '' : ` · thuộc ${esc(u.parent)}`}</small></button></li>`,
        )
        .join('');
      return items === '' ? '' : `<h2>${esc(KIND_LABEL[kind])}</h2><ul>${items}</ul>`;
    })
    .join('');
  const now =
    current === undefined
      ? ''
      : `<p class="now" data-testid="signed-in-as">Đang đăng nhập: <b>${esc(current.code)}</b> · <a href="/">Vào bảng điều khiển</a> · <a href="/local/sign-out">Đăng xuất</a></p>`;
  const body =
    users.length === 0
      ? '<p>Chưa có đơn vị nào trong danh mục: hãy tải tệp danh sách đơn vị (units) lên trước.</p>'
      : `<form method="post" action="/local/sign-in">${groups}</form>`;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Đăng nhập thử — dondoc</title><style>${STYLE}</style></head><body>
<h1>Đăng nhập thử trên máy này</h1>
<p>Chọn một người dùng mẫu. Trên AWS, đăng nhập qua Cognito; ở đây chỉ cần chọn đơn vị để xem bảng điều khiển theo quyền của đơn vị đó.</p>
${now}${body}
<footer><a href="${esc(mailboxUrl)}">Hộp thư (SES cục bộ)</a></footer></body></html>`;
}
