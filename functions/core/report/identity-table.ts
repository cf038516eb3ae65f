import type { IdentityReport } from './identity.ts';
import { identityLayouts, type AppendixLayout, type Cell, type CellKind } from './identity-layouts.ts';

const GAP = '  ';
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Counts with thousands commas as the seed prints them (121,149); rates with two decimals and a point. */
export function formatCell(value: Cell, kind: CellKind): string {
  if (typeof value === 'string') return value;
  return kind === 'rate' ? value.toFixed(2) : COUNT.format(value);
}

/** Display width; the renderer's text is NFC, where one Vietnamese letter is one code point. */
const width = (s: string) => [...s.normalize('NFC')].length;
const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - width(s))) + s;
const centre = (s: string, w: number) => padEnd(' '.repeat(Math.floor(Math.max(0, w - width(s)) / 2)) + s, w);

function renderLayout(layout: AppendixLayout): string {
  const body = layout.rows.map((r) => r.cells.map((c, i) => formatCell(c, layout.columns[i]?.kind ?? 'text')));
  const widths = layout.columns.map((col, i) => Math.max(width(col.header), ...body.map((cells) => width(cells[i] ?? ''))));
  for (const g of layout.groups) {
    const spanWidth = () => widths.slice(g.start, g.start + g.span).reduce((a, w) => a + w, 0) + GAP.length * (g.span - 1);
    const last = g.start + g.span - 1;
    widths[last] = (widths[last] ?? 0) + Math.max(0, width(g.title) - spanWidth());
  }
  const line = (cells: string[]) => cells.join(GAP).trimEnd();
  const groupRow: string[] = [];
  for (let i = 0; i < widths.length; ) {
    const g = layout.groups.find((x) => x.start === i);
    if (g) {
      const w = widths.slice(i, i + g.span).reduce((a, x) => a + x, 0) + GAP.length * (g.span - 1);
      groupRow.push(centre(g.title, w));
      i += g.span;
    } else {
      groupRow.push(' '.repeat(widths[i] ?? 0));
      i += 1;
    }
  }
  const rule = '-'.repeat(widths.reduce((a, w) => a + w, 0) + GAP.length * (widths.length - 1));
  const rows = body.map((cells) => line(cells.map((c, i) => (layout.columns[i]?.kind === 'text' ? padEnd(c, widths[i] ?? 0) : padStart(c, widths[i] ?? 0)))));
  return [
    layout.title,
    layout.subtitle,
    '',
    line(groupRow),
    line(layout.columns.map((c, i) => (c.kind === 'text' ? padEnd(c.header, widths[i] ?? 0) : padStart(c.header, widths[i] ?? 0)))),
    rule,
    ...rows,
    '',
  ].join('\n');
}

/** `dondoc report identity --format table`: Phụ lục 1–4 for a terminal. */
export function renderIdentityTables(report: IdentityReport): string {
  return identityLayouts(report).map(renderLayout).join('\n');
}
