/**
 * The browser tests' province: a department, two district offices with their schools and
 * one upper-secondary school under the department, students named and with national IDs
 * (which must never reach a page). Small enough to count by hand; the tests count it with
 * the helpers below, from these rows, never from what the app computes.
 */
export const DEPARTMENT = 'SGD';
export const AS_OF = '2023-05-25T08:00:00+07:00';
/** the daily runs the fixture plays: a week apart, so the overview has a trend */
export const RUNS = ['2023-06-19T08:00:00+07:00', '2023-06-26T08:00:00+07:00'] as const;
export const IDENTITY = 'hp-2023-quy-trinh-ra-soat/hoc-sinh-xac-thuc-dinh-danh';

export const UNITS_CSV = [
  'unit_code,unit_name,unit_kind,levels,parent_code,district,head_email,officer_email',
  'SGD,Sở GDĐT Hải Phòng,department,,,,giamdoc@sgd.hp.edu.vn,csdl@sgd.hp.edu.vn',
  'PGD-A,Phòng GDĐT An Dương,district_office,,SGD,An Dương,tp@pgd-a.hp.edu.vn,cb@pgd-a.hp.edu.vn',
  'PGD-B,Phòng GDĐT Kiến Thụy,district_office,,SGD,Kiến Thụy,tp@pgd-b.hp.edu.vn,cb@pgd-b.hp.edu.vn',
  'THCS-A1,Trường THCS An Đồng,school,THCS,PGD-A,An Dương,ht@a1.hp.edu.vn,cb@a1.hp.edu.vn',
  'TH-A2,Trường Tiểu học Lê Lợi,school,TH,PGD-A,An Dương,ht@a2.hp.edu.vn,cb@a2.hp.edu.vn',
  'THCS-B1,Trường THCS Đại Đồng,school,THCS,PGD-B,Kiến Thụy,ht@b1.hp.edu.vn,cb@b1.hp.edu.vn',
  'THPT-01,Trường THPT Trần Phú,school,THPT,SGD,,ht@thpt01.hp.edu.vn,cb@thpt01.hp.edu.vn',
].join('\n');

interface School {
  code: string;
  level: string;
  className: string;
  /** the verification of each student, in order */
  verification: readonly ('verified' | 'unverified')[];
}

const SCHOOLS: readonly School[] = [
  { code: 'THCS-A1', level: 'THCS', className: '6A', verification: ['verified', 'verified', 'unverified', 'verified', 'unverified', 'verified'] },
  { code: 'TH-A2', level: 'TH', className: '1A', verification: ['verified', 'verified', 'verified', 'verified', 'verified'] },
  { code: 'THCS-B1', level: 'THCS', className: '7B', verification: ['unverified', 'verified', 'unverified', 'verified'] },
  { code: 'THPT-01', level: 'THPT', className: '10A1', verification: ['verified', 'verified', 'verified', 'verified', 'verified', 'verified', 'unverified'] },
];

const GIVEN = ['Phạm Minh Châu', 'Vũ Thu Hà', 'Nguyễn Văn An', 'Trần Thị Bình', 'Lê Quốc Cường', 'Đỗ Hải Yến', 'Hoàng Gia Bảo'];

/** One students file per school, as each school would upload its own. */
export const STUDENT_FILES: ReadonlyArray<{ unit: string; csv: string }> = SCHOOLS.map((school, s) => ({
  unit: school.code,
  csv: [
    'unit_code,student_code,full_name,level,class_name,birth_date,national_id,id_verification,status',
    ...school.verification.map(
      (v, i) =>
        `${school.code},${school.code}-HS${i + 1},${GIVEN[i % GIVEN.length]},${school.level},${school.className},2011-0${(i % 9) + 1}-15,0312110${s}${String(i).padStart(4, '0')},${v},studying`,
    ),
  ].join('\n'),
}));

/** Every name and national ID number in the fixture: none may appear on any page. */
export const PERSONAL_DATA: readonly string[] = STUDENT_FILES.flatMap(({ csv }) =>
  csv
    .split('\n')
    .slice(1)
    .flatMap((line) => {
      const cells = line.split(',');
      return [cells[2] ?? '', cells[6] ?? ''];
    }),
);

interface Row {
  unit: string;
  code: string;
  verification: string;
}

function rows(): Row[] {
  return STUDENT_FILES.flatMap(({ csv }) =>
    csv
      .split('\n')
      .slice(1)
      .map((line) => {
        const [unit = '', code = '', , , , , , verification = ''] = line.split(',');
        return { unit, code, verification };
      }),
  );
}

/** The record codes of unverified students, per school. */
export function unverifiedCodes(): Map<string, string[]> {
  const byUnit = new Map<string, string[]>();
  for (const row of rows()) if (row.verification !== 'verified') byUnit.set(row.unit, [...(byUnit.get(row.unit) ?? []), row.code]);
  return byUnit;
}

/** Schools with every student verified, and with some not, once every deadline has passed. */
export function identityOutcome(units: readonly string[] = SCHOOLS.map((s) => s.code)): { compliant: number; overdue: number } {
  const failing = unverifiedCodes();
  const overdue = units.filter((u) => failing.has(u)).length;
  return { compliant: units.length - overdue, overdue };
}

/** Students and unverified students over the whole province. */
export function studentTotals(): { students: number; unverified: number } {
  const all = rows();
  return { students: all.length, unverified: all.filter((r) => r.verification !== 'verified').length };
}

export const SCHOOLS_OF_OFFICE: Readonly<Record<string, readonly string[]>> = { 'PGD-A': ['THCS-A1', 'TH-A2'], 'PGD-B': ['THCS-B1'] };
