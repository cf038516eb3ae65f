import type { Rng } from './prng.ts';

/**
 * Invented people. Names and national-ID numbers exist in the demo data only so that
 * dondoc's handling of personal data (read, validate, never keep) is exercised; none is real.
 */

const FAMILY = [
  ...Array<string>(38).fill('Nguyễn'),
  ...Array<string>(11).fill('Trần'),
  ...Array<string>(9).fill('Lê'),
  ...Array<string>(7).fill('Phạm'),
  ...Array<string>(5).fill('Hoàng'),
  ...Array<string>(4).fill('Vũ'),
  'Phan', 'Phan', 'Đặng', 'Đặng', 'Bùi', 'Bùi', 'Đỗ', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Mai', 'Cao', 'Lương', 'Đào', 'Trịnh', 'Tô', 'Lưu',
];
const MIDDLE_MALE = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Gia', 'Thành', 'Trung', 'Hoàng', 'Anh', 'Tuấn', 'Bảo'];
const MIDDLE_FEMALE = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Phương', 'Bảo', 'Khánh', 'Hồng', 'Mai', 'Thùy', 'Diệu'];
const GIVEN_MALE = ['An', 'Bình', 'Cường', 'Dũng', 'Duy', 'Hải', 'Hiếu', 'Hùng', 'Huy', 'Khang', 'Khoa', 'Kiên', 'Long', 'Minh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Sơn', 'Tài', 'Thắng', 'Toàn', 'Trung', 'Tuấn', 'Việt', 'Vinh', 'Đạt'];
const GIVEN_FEMALE = ['Anh', 'Chi', 'Diệp', 'Giang', 'Hà', 'Hằng', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'My', 'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Thảo', 'Trang', 'Uyên', 'Vân', 'Vy', 'Yến'];

export function fakeName(rng: Rng, female: boolean): string {
  return female
    ? `${rng.pick(FAMILY)} ${rng.pick(MIDDLE_FEMALE)} ${rng.pick(GIVEN_FEMALE)}`
    : `${rng.pick(FAMILY)} ${rng.pick(MIDDLE_MALE)} ${rng.pick(GIVEN_MALE)}`;
}

const PROVINCE = '031';
const SERIALS = 1_000_000;
/** coprime with 10^6, so serial ↦ (serial × STEP + offset) mod 10^6 is a permutation */
const STEP = 7_919;

/**
 * 12-digit numbers in the layout of a Vietnamese personal ID (province, century and sex,
 * year of birth, serial). Serials are drawn without repetition per (century, sex, year), so
 * no two people of a province share a number and duplicate checks see a clean data set.
 */
export class FakeNationalIds {
  private readonly issued = new Map<string, number>();

  next(female: boolean, birthYear: number): string {
    const centurySex = (birthYear >= 2000 ? 2 : 0) + (female ? 1 : 0);
    const prefix = `${PROVINCE}${centurySex}${String(birthYear % 100).padStart(2, '0')}`;
    const n = this.issued.get(prefix) ?? 0;
    if (n >= SERIALS) throw new RangeError(`more than ${SERIALS} fake IDs for ${prefix}`);
    this.issued.set(prefix, n + 1);
    const offset = (Number(prefix) * 48_271) % SERIALS;
    return `${prefix}${String((n * STEP + offset) % SERIALS).padStart(6, '0')}`;
  }
}
