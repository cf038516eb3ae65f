import { describe, expect, it, vi } from 'vitest';
import type { CatalogErrorDetails, CatalogIssue } from '../../../functions/core/catalog/catalog-error.ts';
import { parseDispatch } from '../../../functions/core/catalog/load.ts';
import { DondocError } from '../../../functions/core/errors.ts';

const VALID = `
id: thu-nghiem
issuer: Sở GDĐT Thử Nghiệm
number: "12/SGDĐT-VP"
date: "03/2025"
title: Công văn thử nghiệm
policy:
  reminder_days: [5, 1]
  escalate: true
requirements:
  - id: hoc-sinh-dinh-danh
    title: Học sinh được xác thực
    source: "§1"
    rule:
      kind: identity_verification
      entity: students
    deadlines:
      - at: trước ngày 10/03/2025
        levels: [THPT]
      - at: 2025-03-20T17:00
  - id: bao-cao
    title: Nộp báo cáo
    source: "§2"
    rule:
      kind: report_submitted
      period: 2024-2025/giua-nam
    applies_to:
      unit_kinds: [district_office]
    policy:
      reminder_days: [2]
    action: Nộp báo cáo giữa năm.
`;

function issuesOf(yaml: string, file = 'thu-nghiem.yaml'): { error: DondocError; issues: CatalogIssue[] } {
  try {
    parseDispatch(yaml, file);
  } catch (error) {
    if (!(error instanceof DondocError)) throw error;
    return { error, issues: (error.details as CatalogErrorDetails).issues };
  }
  throw new Error('the dispatch was accepted');
}

/** Replaces the first occurrence of `from` in the valid dispatch, failing if it is not there. */
function edit(from: string, to: string): string {
  expect(VALID).toContain(from);
  return VALID.replace(from, to);
}

describe('parseDispatch', () => {
  it('resolves deadlines to instants, qualifies ids, fills rule defaults and takes entity from the rule', () => {
    const d = parseDispatch(VALID, 'thu-nghiem.yaml');
    expect(d).toMatchObject({ id: 'thu-nghiem', issuer: 'Sở GDĐT Thử Nghiệm', number: '12/SGDĐT-VP', date: '03/2025' });
    const [identity, report] = d.requirements;
    expect(identity).toMatchObject({
      id: 'thu-nghiem/hoc-sinh-dinh-danh',
      dispatchId: 'thu-nghiem',
      entity: 'students',
      rule: { kind: 'identity_verification', entity: 'students', threshold: 100 },
      appliesTo: {},
      deadlines: [{ at: Date.parse('2025-03-10T00:00:00+07:00'), levels: ['THPT'] }, { at: Date.parse('2025-03-20T17:00:00+07:00') }],
    });
    expect(report).toMatchObject({
      id: 'thu-nghiem/bao-cao',
      entity: 'reports',
      rule: { kind: 'report_submitted', entity: 'reports', after_children: false },
      appliesTo: { unit_kinds: ['district_office'] },
      deadlines: [],
      action: 'Nộp báo cáo giữa năm.',
    });
  });

  it("merges the dispatch's notification policy into each requirement, the requirement's own fields winning", () => {
    const [identity, report] = parseDispatch(VALID, 'x.yaml').requirements;
    expect(identity?.policy).toEqual({ reminder_days: [5, 1], escalate: true });
    expect(report?.policy).toEqual({ reminder_days: [2], escalate: true });
    expect(parseDispatch(edit('policy:\n  reminder_days: [5, 1]\n  escalate: true\n', ''), 'x.yaml').requirements[0]?.policy).toBeUndefined();
  });

  it('reports a YAML syntax error with the file name and line, in both languages', () => {
    const { error, issues } = issuesOf(edit('title: Nộp báo cáo', 'title: Nộp báo cáo: kỳ giữa năm: sai'));
    expect(error.code).toBe('INVALID_CATALOG');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'thu-nghiem.yaml', line: 22 });
    expect(issues[0]?.vi).toMatch(/YAML sai cú pháp/);
    expect(issues[0]?.en).toMatch(/YAML syntax error/);
    expect(error.message).toContain('thu-nghiem.yaml:22');
  });

  it('names the file, the path and the line of a bad deadline', () => {
    const { error, issues } = issuesOf(edit('2025-03-20T17:00', 'trước ngày 31/02/2025'));
    expect(issues).toEqual([
      expect.objectContaining({ file: 'thu-nghiem.yaml', path: 'requirements[0].deadlines[1].at', line: 20 }),
    ]);
    expect(issues[0]?.vi).toContain('31/2/2025');
    expect(issues[0]?.en).toContain('no such day');
    expect(error.message).toContain('thu-nghiem.yaml:20 requirements[0].deadlines[1].at');
  });

  it('names the path of schema errors, pointing a missing field at its parent', () => {
    const { issues } = issuesOf(edit('    title: Nộp báo cáo\n', ''));
    expect(issues).toEqual([expect.objectContaining({ path: 'requirements[1].title', line: 21 })]);
    expect(issues[0]?.en).toMatch(/expected string/);
    expect(issues[0]?.vi).toMatch(/mong đợi/);
  });

  it('lists the valid rule kinds when the kind is unknown', () => {
    const { issues } = issuesOf(edit('kind: report_submitted', 'kind: report_submited'));
    expect(issues).toEqual([expect.objectContaining({ path: 'requirements[1].rule.kind', line: 25 })]);
    expect(issues[0]?.en).toContain('report_submitted');
    expect(issues[0]?.en).toContain('identity_verification');
  });

  it('refuses fields the format does not have, suggesting the one meant', () => {
    const { issues } = issuesOf(edit('    deadlines:\n', '    deadline:\n'));
    expect(issues).toEqual([expect.objectContaining({ path: 'requirements[0].deadline', line: 17 })]);
    expect(issues[0]?.en).toBe('unknown field "deadline" (did you mean "deadlines"?)');
    const rule = issuesOf(edit('period: 2024-2025/giua-nam', 'period: 2024-2025/giua-nam\n      threshold: 90')).issues;
    expect(rule).toEqual([expect.objectContaining({ path: 'requirements[1].rule.threshold' })]);
  });

  it('collects every problem of the file in one error', () => {
    const yaml = edit('issuer: Sở GDĐT Thử Nghiệm\n', '').replace('2025-03-20T17:00', 'hôm sau').replace('entity: students', 'entity: teachers');
    const paths = issuesOf(yaml).issues.map((i) => i.path).sort();
    expect(paths).toEqual(['issuer', 'requirements[0].deadlines[1].at', 'requirements[0].rule.entity']);
  });

  it('refuses repeated requirement ids and an update window whose warning ends before it is ok', () => {
    expect(issuesOf(edit('id: bao-cao', 'id: hoc-sinh-dinh-danh')).issues).toEqual([
      expect.objectContaining({ path: 'requirements[1].id', line: 21 }),
    ]);
    const window = edit(
      'kind: identity_verification\n      entity: students',
      'kind: update_window\n      entity: students\n      effective_field: status_effective_date\n      ok_days: 5\n      warn_days: 3',
    );
    expect(issuesOf(window).issues).toEqual([expect.objectContaining({ path: 'requirements[0].rule.warn_days' })]);
  });

  it('refuses a rollover to a school year of years that are not consecutive', () => {
    const rollover = (year: string) => edit('kind: identity_verification\n      entity: students', `kind: school_year_rollover\n      entity: students\n      school_year: ${year}`);
    expect(parseDispatch(rollover('2025-2026'), 'x.yaml').requirements[0]?.rule).toMatchObject({ school_year: '2025-2026' });
    const { issues } = issuesOf(rollover('2025-2027'));
    expect(issues).toEqual([expect.objectContaining({ path: 'requirements[0].rule.school_year', line: 17 })]);
    expect(issues[0]?.vi).toContain('hai năm liền nhau');
    expect(issues[0]?.en).toContain('consecutive');
  });

  it('refuses as a catalog problem what the YAML reader throws: an alias to no anchor, an alias bomb, nesting past the stack', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    const deep = edit('title: Công văn thử nghiệm', `title:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 2)}k:`).join('\n')}`);
    for (const yaml of [edit('title: Công văn thử nghiệm', 'title: *khong-co'), bomb, deep]) {
      const { error, issues } = issuesOf(yaml);
      expect(error.code).toBe('INVALID_CATALOG');
      expect(issues).toEqual([expect.objectContaining({ file: 'thu-nghiem.yaml', path: '' })]);
      expect(issues[0]?.vi).toMatch(/không đọc được YAML/);
    }
  });

  it('refuses keys that are names of every object, which a lookup in the schema would find on Object.prototype', () => {
    const yaml = edit('issuer:', 'constructor: x\ntoString: y\nissuer:').replace('    source: "§1"', '    source: "§1"\n    hasOwnProperty: z');
    expect(issuesOf(yaml).issues.map((i) => i.path).sort()).toEqual(['constructor', 'requirements[0].hasOwnProperty', 'toString']);
  });

  it('reports a collection used as a key as an unknown field, without a warning on stderr', () => {
    const warned = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const { issues } = issuesOf(edit('issuer:', '? [a, b]\n: x\nissuer:'));
      expect(issues).toEqual([expect.objectContaining({ path: expect.stringContaining('a') })]);
      expect(warned).not.toHaveBeenCalled();
    } finally {
      warned.mockRestore();
    }
  });

  it("refuses columns the rule's entity does not have, listing those it has", () => {
    const required = edit('kind: identity_verification\n      entity: students', 'kind: required_fields\n      entity: students\n      fields: [birth_date, birthdate]');
    const { issues } = issuesOf(required);
    expect(issues).toEqual([expect.objectContaining({ path: 'requirements[0].rule.fields[1]', line: 17 })]);
    expect(issues[0]?.en).toContain('no column "birthdate"');
    expect(issues[0]?.en).toContain('birth_date');
    const reference = edit(
      'kind: identity_verification\n      entity: students',
      'kind: reference_set\n      when: { field: school_type, contains: [x] }\n      expect: [{ field: ward, one_of: [y] }, { field: wards, one_of: [z] }]',
    );
    expect(issuesOf(reference).issues.map((i) => i.path)).toEqual(['requirements[0].rule.when.field', 'requirements[0].rule.expect[1].field']);
  });

  it('refuses a policy quiet on every weekday, which would never let an email out', () => {
    const { issues } = issuesOf(edit('  escalate: true', '  escalate: true\n  quiet_weekdays: [1, 2, 3, 4, 5, 6, 7]').replace('      reminder_days: [2]', '      reminder_days: [2]\n      quiet_weekdays: [7, 6, 5, 4, 3, 2, 1, 7]'));
    expect(issues.map((i) => [i.path, i.line])).toEqual([
      ['policy.quiet_weekdays', 10],
      ['requirements[1].policy.quiet_weekdays', 32],
    ]);
    expect(issues[0]?.en).toContain('no reminder or escalation would ever be sent');
    expect(() => parseDispatch(edit('  escalate: true', '  escalate: true\n  quiet_weekdays: [6, 7]'), 'x.yaml')).not.toThrow();
  });

  it('refuses a blank district, which would match no unit and so drop its deadline for all', () => {
    const { issues } = issuesOf(edit('        levels: [THPT]', '        levels: [THPT]\n        districts: ["Ngô Quyền", "  "]'));
    expect(issues).toEqual([expect.objectContaining({ path: 'requirements[0].deadlines[0].districts[1]' })]);
  });

  it('refuses a file that is not a dispatch at all', () => {
    expect(issuesOf('').issues.length).toBeGreaterThan(0);
    expect(issuesOf('- just\n- a list\n').issues).toEqual([expect.objectContaining({ path: '' })]);
  });
});
