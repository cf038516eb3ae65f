import type { ColumnSpec, EntityKind, UnitKind } from './entities.ts';

export interface Message {
  messageVi: string;
  messageEn: string;
}

const msg = (messageVi: string, messageEn: string): Message => ({ messageVi, messageEn });

function accepted(spec: ColumnSpec): string {
  return Object.entries(spec.labels ?? {})
    .map(([canonical, labels]) => (labels[0] ? `${canonical} (${labels[0]})` : canonical))
    .join(', ');
}

/** What the column expects, said the way the contract says it. */
export function invalidValueMessage(spec: ColumnSpec): Message {
  switch (spec.type) {
    case 'string':
      return msg('Giá trị không hợp lệ', 'Invalid value');
    case 'email':
      return msg('Địa chỉ email không hợp lệ', 'Not a valid email address');
    case 'date':
      return msg(
        'Ngày không hợp lệ: dùng YYYY-MM-DD hoặc DD/MM/YYYY (ngày trước, tháng sau)',
        'Not a valid date: use YYYY-MM-DD or DD/MM/YYYY (day first, then month)',
      );
    case 'dateOrYear':
      return msg(
        'Ngày hoặc năm không hợp lệ: dùng YYYY-MM-DD, DD/MM/YYYY hoặc năm YYYY',
        'Not a valid date or year: use YYYY-MM-DD, DD/MM/YYYY or a year YYYY',
      );
    case 'timestamp':
      return msg(
        'Thời điểm không hợp lệ: dùng ISO 8601 (giờ Việt Nam nếu không ghi múi giờ) hoặc DD/MM/YYYY HH:mm',
        'Not a valid timestamp: use ISO 8601 (Vietnam time when no offset is given) or DD/MM/YYYY HH:mm',
      );
    case 'schoolYear':
      return msg('Năm học không hợp lệ: dùng hai năm liền nhau YYYY-YYYY, ví dụ 2023-2024', 'Not a valid school year: use two consecutive years YYYY-YYYY, e.g. 2023-2024');
    case 'boolean':
      return msg('Giá trị đúng/sai không hợp lệ: dùng có/không, x, 1/0, true/false', 'Not a yes/no value: use có/không, x, 1/0, true/false, yes/no');
    case 'integer': {
      const range = `${spec.min ?? '…'}–${spec.max ?? '…'}`;
      return msg(`Phải là số nguyên trong khoảng ${range}`, `Must be a whole number in ${range}`);
    }
    case 'nationalId':
      return msg('Số định danh cá nhân phải gồm đúng 12 chữ số', 'A national ID number must have exactly 12 digits');
    case 'levels':
      return msg(`Cấp học không hợp lệ; chấp nhận danh sách (ngăn cách bởi ; hoặc ,): ${accepted(spec)}`, `Invalid levels; expected a list separated by ; or , of: ${accepted(spec)}`);
    case 'enum':
      return msg(`Giá trị không hợp lệ; chấp nhận: ${accepted(spec)}`, `Invalid value; expected one of: ${accepted(spec)}`);
  }
}

const KIND_VI: Readonly<Record<UnitKind, string>> = { department: 'Sở GDĐT', district_office: 'Phòng GDĐT', school: 'trường', centre: 'trung tâm' };
const KIND_EN: Readonly<Record<UnitKind, string>> = { department: 'department', district_office: 'district office', school: 'school', centre: 'centre' };

export const messages = {
  missingRequiredColumn: (field: string) => msg(`Thiếu cột bắt buộc "${field}"`, `Required column "${field}" is missing`),
  duplicateColumn: (field: string) => msg(`Cột trùng: đã có một cột khác mang nghĩa "${field}"`, `Duplicate column: another column already means "${field}"`),
  unknownColumn: () => msg('Cột không có trong quy định, bị bỏ qua', 'Column not in the contract; ignored'),
  requiredValueMissing: () => msg('Thiếu giá trị bắt buộc', 'Required value is missing'),
  encoding: () =>
    msg(
      'Ký tự không đọc được: hãy lưu tệp dạng UTF-8 (CSV UTF-8) hoặc Unicode',
      'Unreadable characters: save the file as UTF-8 (CSV UTF-8) or Unicode text',
    ),
  duplicateRecordCode: (entity: EntityKind) =>
    entity === 'students'
      ? msg('Mã học sinh bị lặp lại trong cùng đơn vị', 'Student code repeated within the same unit')
      : msg('Mã cán bộ bị lặp lại trong cùng đơn vị', 'Staff code repeated within the same unit'),
  duplicateUnitCode: () => msg('Mã đơn vị bị lặp lại', 'Unit code repeated'),
  ownParent: () => msg('Mã đơn vị quản lý trùng với chính mã đơn vị: một đơn vị không tự quản lý mình', 'The supervising unit is the unit itself: a unit cannot supervise itself'),
  wrongSupervisor: (parent: string, unitKind: UnitKind, parentKind: UnitKind, allowed: readonly UnitKind[]) =>
    msg(
      `Đơn vị quản lý ${parent} là ${KIND_VI[parentKind]}; ${KIND_VI[unitKind]} phải trực thuộc ${allowed.map((k) => KIND_VI[k]).join(' hoặc ')}`,
      `The supervising unit ${parent} is a ${KIND_EN[parentKind]}; a ${KIND_EN[unitKind]} must come under a ${allowed.map((k) => KIND_EN[k]).join(' or a ')}`,
    ),
  parentLoop: (loop: readonly string[]) => msg(`Các đơn vị quản lý tạo thành vòng lặp: ${loop.join(' → ')}`, `Supervising units form a loop: ${loop.join(' → ')}`),
  malformedRow: (cells: number, columns: number) =>
    msg(`Dòng có ${cells} ô nhưng tiêu đề có ${columns} cột`, `Row has ${cells} cells but the header has ${columns} columns`),
  notAnObject: () => msg('Dòng phải là một đối tượng JSON {…}', 'Line must be a JSON object {…}'),
  invalidJson: () => msg('Dòng không phải JSON hợp lệ', 'Line is not valid JSON'),
  excelError: (shown: string) =>
    msg(
      `Ô có lỗi Excel ${shown}: công thức không cho ra giá trị; sửa công thức hoặc nhập giá trị`,
      `The cell holds the Excel error ${shown}: its formula gave no value; fix the formula or type the value`,
    ),
  unclosedQuote: () =>
    msg(
      'Ô mở bằng dấu nháy kép (") không được đóng trong 1 MB: có thể là một dấu " thừa; phần còn lại của tệp không được đọc',
      'A cell opened with a double quote (") does not close within 1 MB: likely a stray "; the rest of the file was not read',
    ),
  recordTooLong: (restUnread: boolean) =>
    msg(
      `Dòng dài hơn 1 MB mà không xuống dòng${restUnread ? '; phần còn lại của tệp không được đọc' : ''}`,
      `The row runs past 1 MB without a line break${restUnread ? '; the rest of the file was not read' : ''}`,
    ),
  invalidAsOf: () =>
    msg(
      'Thời điểm số liệu (metadata as-of của tệp) không phải thời điểm ISO 8601, ví dụ 2023-06-23T08:00:00+07:00; tải lại tệp với as-of đúng',
      "The snapshot's as-of (the object's as-of metadata) is not an ISO 8601 instant, e.g. 2023-06-23T08:00:00+07:00; upload the file again with a valid as-of",
    ),
  emptyFile: () => msg('Tệp không có dòng dữ liệu nào', 'The file has no data rows'),
  unreadableFile: (reason: string) => msg(`Tệp bị hỏng hoặc không đọc hết được (${reason})`, `The file is corrupt or could not be read to the end (${reason})`),
} as const;
