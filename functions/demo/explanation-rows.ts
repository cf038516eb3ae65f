import { dayString, type DemoCalendar } from './demo-calendar.ts';
import { enumCell } from './person-rows.ts';
import { deriveSeed, mulberry32, type Rng } from './prng.ts';
import type { Person, UnverifiedRecord } from './unverified-records.ts';

type Explanation = readonly [cause: string, remedy: string];

/** Causes seed 004's units reported, with the remedy that goes with each: a record with no number differs from one whose data disagree. */
const EXPLANATIONS: Record<Person, Record<'missing' | 'mismatch', readonly Explanation[]>> = {
  students: {
    missing: [
      ['Học sinh chưa có CCCD, gia đình chưa cung cấp số định danh cá nhân', 'Giáo viên chủ nhiệm liên hệ cha mẹ học sinh bổ sung số định danh cá nhân'],
      ['Học sinh chưa được cấp số định danh cá nhân (đăng ký khai sinh muộn)', 'Hướng dẫn gia đình liên hệ công an xã/phường làm thủ tục cấp số định danh cá nhân'],
      ['Học sinh chuyển đến từ tỉnh khác, chưa cập nhật số định danh', 'Bổ sung số định danh theo hồ sơ chuyển trường và đồng bộ lại'],
      ['Học sinh có quốc tịch nước ngoài, không có số định danh cá nhân', 'Báo cáo Sở GDĐT để được hướng dẫn xử lý riêng'],
      ['Hệ thống chưa trả kết quả đồng bộ', 'Đồng bộ lại trên CSDL ngành và theo dõi kết quả'],
    ],
    mismatch: [
      ['Sai thông tin ngày sinh so với CSDLQG về dân cư', 'Đối chiếu giấy khai sinh, sửa ngày sinh trên CSDL ngành và đồng bộ lại'],
      ['Sai họ tên (dấu, chữ đệm) so với CSDLQG về dân cư', 'Đối chiếu giấy khai sinh, sửa họ tên và đồng bộ lại'],
      ['Nhập sai số định danh cá nhân', 'Kiểm tra lại số định danh với gia đình, sửa và đồng bộ lại'],
      ['Thông tin khai sinh chưa được cập nhật trên CSDLQG về dân cư', 'Đề nghị gia đình liên hệ công an xã/phường cập nhật thông tin khai sinh'],
    ],
  },
  staff: {
    missing: [
      ['Cán bộ mới tuyển dụng, chưa cập nhật số CCCD', 'Bổ sung số CCCD từ hồ sơ tuyển dụng và đồng bộ lại'],
      ['Giáo viên hợp đồng chưa cung cấp CCCD', 'Đề nghị giáo viên cung cấp bản sao CCCD để cập nhật'],
      ['Nhân viên chưa làm CCCD gắn chip', 'Nhắc nhân viên làm thủ tục cấp CCCD tại công an nơi cư trú'],
      ['Hệ thống chưa trả kết quả đồng bộ', 'Đồng bộ lại trên CSDL ngành và theo dõi kết quả'],
    ],
    mismatch: [
      ['Sai thông tin ngày sinh so với CSDLQG về dân cư', 'Đối chiếu CCCD, sửa ngày sinh trên CSDL ngành'],
      ['Sai họ tên so với CCCD', 'Sửa họ tên theo CCCD và đồng bộ lại'],
      ['CCCD cấp đổi, số định danh mới chưa cập nhật', 'Cập nhật số CCCD mới và đồng bộ lại'],
      ['Nhập sai số CCCD', 'Đối chiếu bản sao CCCD, sửa số và đồng bộ lại'],
    ],
  },
};

/** How a unit answered seed 004's call for explanations; it answers the same way for students and staff. */
type Diligence = 'complete' | 'partial' | 'none';

function diligence(seed: number, unitCode: string): Diligence {
  const x = mulberry32(deriveSeed(seed, 'explanations', unitCode)).next();
  return x < 0.45 ? 'complete' : x < 0.75 ? 'partial' : 'none';
}

/** What a partly diligent unit left out for one record, if anything. */
function partialGap(rng: Rng): 'none' | 'cause' | 'remedy' | 'date' | 'row' {
  const x = rng.next();
  return x < 0.55 ? 'none' : x < 0.7 ? 'remedy' : x < 0.8 ? 'cause' : x < 0.88 ? 'date' : 'row';
}

/** A completion date a few weeks after the as-of, written the way the unit's template writes dates. */
function expectedDate(rng: Rng, calendar: DemoCalendar): string {
  const iso = dayString(calendar.asOfDay + rng.between(7, 45));
  return rng.chance(0.2) ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso;
}

/**
 * explanations.csv rows (COLUMNS.explanations order) for one unit's unverified records of
 * one entity: all explained, most explained with some part missing or no row, or none.
 */
export function explanationRows(seed: number, calendar: DemoCalendar, entity: Person, unitCode: string, records: readonly UnverifiedRecord[]): string[][] {
  const how = diligence(seed, unitCode);
  if (how === 'none') return [];
  const rng = mulberry32(deriveSeed(seed, 'explanations', unitCode, entity));
  const rows: string[][] = [];
  for (const { code, mismatch } of records) {
    const [cause, remedy] = rng.pick(EXPLANATIONS[entity][mismatch ? 'mismatch' : 'missing']);
    const gap = how === 'complete' ? 'none' : partialGap(rng);
    if (gap === 'row') continue;
    rows.push([
      unitCode,
      enumCell(rng, 'explanations', 'entity', entity),
      code,
      gap === 'cause' ? '' : cause,
      gap === 'remedy' ? '' : remedy,
      gap === 'date' ? '' : expectedDate(rng, calendar),
    ]);
  }
  return rows;
}
