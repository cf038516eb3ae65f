/*
 * Building blocks of the emails. Every function here takes plain text and escapes it, so a
 * template never puts a catalog title, unit name or class label into the HTML unescaped.
 */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export function heading(text: string, level: 1 | 2 = 1): string {
  const size = level === 1 ? 20 : 17;
  return `<h${level} style="font-size:${size}px;line-height:1.3;margin:16px 0 8px">${esc(text)}</h${level}>`;
}

export function para(text: string): string {
  return `<p style="margin:0 0 12px">${esc(text)}</p>`;
}

/** "Thời hạn: trước 17h00 ngày 08/6/2023" with the label in bold. */
export function labelled(label: string, value: string): string {
  return `<p style="margin:0 0 12px"><strong>${esc(label)}</strong> ${esc(value)}</p>`;
}

export function button(href: string, text: string): string {
  return `<p style="margin:20px 0"><a href="${esc(href)}" style="display:inline-block;padding:12px 18px;background:#0b5cad;color:#ffffff;text-decoration:none;border-radius:6px">${esc(text)}</a></p>`;
}

/** A table that scrolls sideways on a narrow screen instead of squeezing its columns. */
export function table(headers: readonly string[], rows: readonly (readonly string[])[], numeric: readonly boolean[] = []): string {
  const cell = (tag: 'th' | 'td', text: string, i: number) =>
    `<${tag} style="border:1px solid #ccc;padding:4px 6px;text-align:${numeric[i] ? 'right' : 'left'}">${esc(text)}</${tag}>`;
  const head = `<tr style="background:#f0f4f8">${headers.map((h, i) => cell('th', h, i)).join('')}</tr>`;
  const body = rows.map((r) => `<tr>${r.map((c, i) => cell('td', c, i)).join('')}</tr>`).join('');
  return `<div style="overflow-x:auto;margin:0 0 12px"><table style="border-collapse:collapse;font-size:14px">${head}${body}</table></div>`;
}

export function layout(title: string, body: readonly string[]): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title></head>`,
    '<body style="margin:0;padding:0;background:#ffffff">',
    '<div style="max-width:600px;margin:0 auto;padding:12px 16px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#222">',
    ...body,
    `<p style="margin:24px 0 0;font-size:13px;color:#666">${esc(FOOTER)}</p>`,
    '</div></body></html>',
  ].join('\n');
}

export const FOOTER = 'Thư tự động của hệ thống đôn đốc cập nhật CSDL ngành (dondoc). Vui lòng không trả lời thư này.';
