/**
 * Some communes and wards (xã, phường, thị trấn) of each Hải Phòng district before the
 * 2025 reorganisation, for the address on a demo school profile. Bạch Long Vĩ is an island
 * district without communes, so its profiles leave the ward empty, as real ones do.
 */
const WARDS: Readonly<Record<string, readonly string[]>> = {
  'Bạch Long Vĩ': [],
  'Hồng Bàng': ['Phường Hoàng Văn Thụ', 'Phường Minh Khai', 'Phường Phan Bội Châu', 'Phường Quán Toan', 'Phường Hùng Vương', 'Phường Sở Dầu', 'Phường Thượng Lý', 'Phường Hạ Lý'],
  'Ngô Quyền': ['Phường Máy Chai', 'Phường Máy Tơ', 'Phường Vạn Mỹ', 'Phường Cầu Tre', 'Phường Lạc Viên', 'Phường Gia Viên', 'Phường Đông Khê', 'Phường Cầu Đất', 'Phường Lạch Tray', 'Phường Đằng Giang'],
  'Lê Chân': ['Phường An Biên', 'Phường Cát Dài', 'Phường Dư Hàng', 'Phường Dư Hàng Kênh', 'Phường Hàng Kênh', 'Phường Hồ Nam', 'Phường Kênh Dương', 'Phường Lam Sơn', 'Phường Nghĩa Xá', 'Phường Niệm Nghĩa', 'Phường Trại Cau', 'Phường Trần Nguyên Hãn', 'Phường Vĩnh Niệm'],
  'Hải An': ['Phường Cát Bi', 'Phường Đằng Hải', 'Phường Đằng Lâm', 'Phường Đông Hải 1', 'Phường Đông Hải 2', 'Phường Nam Hải', 'Phường Thành Tô', 'Phường Tràng Cát'],
  'Kiến An': ['Phường Bắc Sơn', 'Phường Đồng Hòa', 'Phường Lãm Hà', 'Phường Nam Sơn', 'Phường Ngọc Sơn', 'Phường Phù Liễn', 'Phường Quán Trữ', 'Phường Trần Thành Ngọ', 'Phường Tràng Minh', 'Phường Văn Đẩu'],
  'Đồ Sơn': ['Phường Bàng La', 'Phường Hải Sơn', 'Phường Hợp Đức', 'Phường Minh Đức', 'Phường Ngọc Xuyên', 'Phường Vạn Hương'],
  'Dương Kinh': ['Phường Anh Dũng', 'Phường Đa Phúc', 'Phường Hải Thành', 'Phường Hòa Nghĩa', 'Phường Hưng Đạo', 'Phường Tân Thành'],
  'Thủy Nguyên': ['Thị trấn Núi Đèo', 'Thị trấn Minh Đức', 'Xã Thủy Sơn', 'Xã Lập Lễ', 'Xã Tam Hưng', 'Xã Kiền Bái', 'Xã Thiên Hương', 'Xã Hoa Động'],
  'An Dương': ['Thị trấn An Dương', 'Xã An Đồng', 'Xã Lê Thiện', 'Xã Đặng Cương', 'Xã Nam Sơn', 'Xã Hồng Thái', 'Xã Tân Tiến'],
  'An Lão': ['Thị trấn An Lão', 'Thị trấn Trường Sơn', 'Xã Trường Thọ', 'Xã Quang Trung', 'Xã An Thắng', 'Xã Thái Sơn', 'Xã Mỹ Đức'],
  'Kiến Thụy': ['Thị trấn Núi Đối', 'Xã Thụy Hương', 'Xã Đại Hợp', 'Xã Tân Trào', 'Xã Ngũ Đoan', 'Xã Tú Sơn', 'Xã Đoàn Xá'],
  'Tiên Lãng': ['Thị trấn Tiên Lãng', 'Xã Hùng Thắng', 'Xã Toàn Thắng', 'Xã Quang Phục', 'Xã Bạch Đằng', 'Xã Tiên Thắng', 'Xã Vinh Quang'],
  'Vĩnh Bảo': ['Thị trấn Vĩnh Bảo', 'Xã Cộng Hiền', 'Xã Thắng Thủy', 'Xã Tam Cường', 'Xã Hiệp Hòa', 'Xã Vĩnh An', 'Xã Cổ Am'],
  'Cát Hải': ['Thị trấn Cát Bà', 'Thị trấn Cát Hải', 'Xã Gia Luận', 'Xã Phù Long', 'Xã Xuân Đám', 'Xã Trân Châu', 'Xã Hiền Hào'],
};

/** A unit whose district the generator could only guess as the city itself lies in one of the inner districts. */
const INNER_CITY = [...(WARDS['Hồng Bàng'] ?? []), ...(WARDS['Ngô Quyền'] ?? []), ...(WARDS['Lê Chân'] ?? [])];

export const PROVINCE_NAME = 'Thành phố Hải Phòng';

export function wardsOf(district: string | undefined): readonly string[] {
  return (district === undefined ? undefined : WARDS[district]) ?? INNER_CITY;
}
