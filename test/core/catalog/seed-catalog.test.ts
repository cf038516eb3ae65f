import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../functions/core/catalog/load.ts';
import type { Catalog, Requirement } from '../../../functions/core/catalog/schema.ts';

const vn = (iso: string) => Date.parse(`${iso}+07:00`);

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

function requirement(id: string): Requirement {
  const found = catalog.dispatches.flatMap((d) => d.requirements).find((r) => r.id === id);
  if (!found) throw new Error(`no requirement ${id}`);
  return found;
}

/** Deadlines as [instant, filter] pairs, in catalog order. */
function deadlines(id: string) {
  return requirement(id).deadlines.map(({ at, ...filter }) => [at, filter]);
}

describe('the shipped catalog (dispatches/)', () => {
  it('loads the five seed dispatches, in file-name order, with their printed number and date', () => {
    expect(catalog.dispatches.map((d) => [d.id, d.issuer, d.number, d.date])).toEqual([
      ['bg-2024-cap-nhat-bien-dong', 'Sở GDĐT Bắc Giang', '/SGDDĐT-VP', '30/01/2024'],
      ['hp-2023-quy-trinh-ra-soat', 'Sở GDĐT Hải Phòng', '/SGDĐT-GDTX&ĐH', '2023'],
      ['hcm-2024-quy-che-du-lieu', 'Sở GDĐT TP. Hồ Chí Minh', '/SGDDĐT-VP', '09/2024'],
      ['hp-2022-bao-cao-dau-nam', 'Sở GDĐT Hải Phòng', '/SGDDĐT-VP', '2022'],
      ['hp-2023-dong-bo-dan-cu', 'Sở GDĐT Hải Phòng', '/TB-SGDĐT', '2023'],
    ]);
  });

  it('qualifies every requirement id with its dispatch and gives each a source section and an action', () => {
    const all = catalog.dispatches.flatMap((d) => d.requirements.map((r) => ({ d, r })));
    expect(new Set(all.map(({ r }) => r.id)).size).toBe(all.length);
    for (const { d, r } of all) {
      expect(r.id.startsWith(`${d.id}/`)).toBe(true);
      expect(r.dispatchId).toBe(d.id);
      expect(r.source).toMatch(/§|Phụ lục/);
      expect(r.action?.length).toBeGreaterThan(10);
      expect(r.entity).toBe(r.rule.entity);
    }
  });

  describe('000 Bắc Giang 30/01/2024', () => {
    it('puts items 2.1 and 2.2 due at the start of 10/02/2024, Vietnam time', () => {
      const due = vn('2024-02-10T00:00:00');
      expect(deadlines('bg-2024-cap-nhat-bien-dong/viet-yen-dia-gioi-hanh-chinh-moi')).toEqual([[due, {}]]);
      expect(deadlines('bg-2024-cap-nhat-bien-dong/kiem-dinh-chuan-quoc-gia')).toEqual([[due, {}]]);
      expect(requirement('bg-2024-cap-nhat-bien-dong/kiem-dinh-chuan-quoc-gia').appliesTo.unit_kinds).toEqual(['school']);
    });

    it('keeps the 3–5 day update window and 100% identity as standing duties without a deadline', () => {
      for (const id of ['ho-so-truong-cap-nhat-kip-thoi', 'hoc-sinh-bien-dong-kip-thoi', 'can-bo-bien-dong-kip-thoi']) {
        const r = requirement(`bg-2024-cap-nhat-bien-dong/${id}`);
        expect(r.rule).toMatchObject({ kind: 'update_window', ok_days: 3, warn_days: 5 });
        expect(r.deadlines).toEqual([]);
      }
      expect(requirement('bg-2024-cap-nhat-bien-dong/ho-so-truong-cap-nhat-kip-thoi').rule).toMatchObject({
        entity: 'profiles',
        effective_field: 'change_effective_date',
      });
      for (const entity of ['students', 'staff']) {
        const r = catalog.dispatches[0]!.requirements.find((x) => x.rule.kind === 'identity_verification' && x.entity === entity);
        expect(r?.rule).toMatchObject({ threshold: 100 });
        expect(r?.deadlines).toEqual([]);
      }
    });

    it('lists the 17 wards and communes of thị xã Việt Yên for profiles in Việt Yên', () => {
      const rule = requirement('bg-2024-cap-nhat-bien-dong/viet-yen-dia-gioi-hanh-chinh-moi').rule;
      if (rule.kind !== 'reference_set') throw new Error(rule.kind);
      expect(rule.when).toEqual({ field: 'district', contains: ['Việt Yên'] });
      expect(rule.expect.find((e) => e.field === 'district')?.one_of).toEqual(['Thị xã Việt Yên']);
      const wards = rule.expect.find((e) => e.field === 'ward')?.one_of ?? [];
      expect(wards.filter((w) => w.startsWith('Phường '))).toHaveLength(10);
      expect(wards.filter((w) => w.startsWith('Xã '))).toHaveLength(7);
      expect(wards).toContain('Phường Bích Động');
      expect(wards).toContain('Xã Việt Tiến');
    });
  });

  describe('001 Hải Phòng 2023', () => {
    it('gives THPT/GDTX (listed first) 17:00 15/6/2023, MN/TH/THCS 17:00 08/6/2023, other units 15/6', () => {
      const expected = [
        [vn('2023-06-15T17:00:00'), { levels: ['THPT', 'GDTX'] }],
        [1686218400000, { levels: ['MN', 'TH', 'THCS'] }],
        [vn('2023-06-15T17:00:00'), {}],
      ];
      for (const id of ['giao-vien-tu-xac-nhan', 'can-bo-xac-thuc-dinh-danh', 'hoc-sinh-xac-thuc-dinh-danh', 'hoc-sinh-du-truong-du-lieu']) {
        expect(deadlines(`hp-2023-quy-trinh-ra-soat/${id}`)).toEqual(expected);
      }
    });

    it('counts a teacher self-review only from 18/5/2023 and requires the student fields', () => {
      expect(requirement('hp-2023-quy-trinh-ra-soat/giao-vien-tu-xac-nhan').rule).toEqual({ kind: 'self_review', entity: 'staff', since: '2023-05-18' });
      expect(requirement('hp-2023-quy-trinh-ra-soat/hoc-sinh-du-truong-du-lieu').rule).toEqual({
        kind: 'required_fields',
        entity: 'students',
        fields: ['birth_date', 'class_name', 'status'],
      });
    });
  });

  describe('002 TP.HCM 09/2024', () => {
    it('dates rollover 13/9, start-of-year fields 20/9 and the connection report 27/9 (start of day)', () => {
      const rollover = vn('2024-09-13T00:00:00');
      const fields = vn('2024-09-20T00:00:00');
      const report = vn('2024-09-27T00:00:00');
      const byKind = catalog.dispatches[2]!.requirements;
      for (const r of byKind) {
        const expected = { school_year_rollover: rollover, required_fields: fields, report_submitted: report }[r.rule.kind as string];
        if (expected === undefined) expect(r.deadlines).toEqual([]);
        else expect(r.deadlines).toEqual([{ at: expected }]);
      }
      expect(byKind.filter((r) => r.rule.kind === 'school_year_rollover').map((r) => r.entity)).toEqual(['students', 'staff', 'profiles']);
    });

    it('keeps "sống" and "sạch" as standing rules on students and staff', () => {
      const rules = catalog.dispatches[2]!.requirements.map((r) => r.rule);
      expect(rules.filter((r) => r.kind === 'freshness')).toEqual([
        { kind: 'freshness', entity: 'students', max_age_days: 30 },
        { kind: 'freshness', entity: 'staff', max_age_days: 30 },
      ]);
      expect(rules.filter((r) => r.kind === 'duplicates')).toEqual([
        { kind: 'duplicates', entity: 'students', keys: ['national_id', 'record_code'] },
        { kind: 'duplicates', entity: 'staff', keys: ['national_id', 'record_code'] },
      ]);
    });
  });

  describe('003 Hải Phòng 2022', () => {
    it('sets the report deadlines: district offices 30/10, THPT schools and centres 25/10, other schools 30/10', () => {
      const r = requirement('hp-2022-bao-cao-dau-nam/bao-cao-thong-ke-dau-nam');
      expect(r.rule).toEqual({ kind: 'report_submitted', entity: 'reports', period: '2022-2023/dau-nam', after_children: true });
      expect(deadlines(r.id)).toEqual([
        [vn('2022-10-30T00:00:00'), { unitKinds: ['district_office'] }],
        [vn('2022-10-25T00:00:00'), { unitKinds: ['school'], levels: ['THPT', 'GDTX'] }],
        [vn('2022-10-25T00:00:00'), { unitKinds: ['centre'] }],
        [vn('2022-10-30T00:00:00'), { unitKinds: ['school'] }],
      ]);
    });

    it('gives every §4 requirement the report deadlines of the units it concerns', () => {
      const section4 = catalog.dispatches[3]!.requirements.filter((r) => r.source.startsWith('§4'));
      expect(section4.map((r) => r.source)).toEqual(['§4.1', '§4.2', '§4.3', '§4.3', '§4.4']);
      for (const r of section4) {
        expect(deadlines(r.id)).toEqual([
          [vn('2022-10-25T00:00:00'), { unitKinds: ['school'], levels: ['THPT', 'GDTX'] }],
          [vn('2022-10-25T00:00:00'), { unitKinds: ['centre'] }],
          [vn('2022-10-30T00:00:00'), { unitKinds: ['school'] }],
        ]);
      }
      expect(requirement('hp-2022-bao-cao-dau-nam/hoc-truc-tuyen').appliesTo.levels).toEqual(['TH', 'THCS', 'THPT']);
    });
  });

  describe('004 Hải Phòng 2023', () => {
    it('wants every unsynchronised record explained before 17:00 04/7/2023', () => {
      for (const entity of ['hoc-sinh', 'nhan-su']) {
        const r = requirement(`hp-2023-dong-bo-dan-cu/giai-trinh-${entity}`);
        expect(r.rule).toMatchObject({ kind: 'explanations', fields: ['cause', 'remedy', 'expected_date'] });
        expect(deadlines(r.id)).toEqual([[vn('2023-07-04T17:00:00'), {}]]);
      }
      expect(requirement('hp-2023-dong-bo-dan-cu/hoc-sinh-dong-bo-dan-cu').rule).toEqual({ kind: 'identity_verification', entity: 'students', threshold: 100 });
      expect(requirement('hp-2023-dong-bo-dan-cu/nhan-su-dong-bo-dan-cu').rule).toEqual({ kind: 'identity_verification', entity: 'staff', threshold: 100 });
    });
  });
});
