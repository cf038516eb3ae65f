/**
 * A department, one district office and one lower-secondary school with one unverified
 * student: the smallest province that gets a reminder, an escalation and a digest. The
 * units file is CSV so it can also be dropped into the inbox as `units.csv`.
 */
export const UNITS_CSV = [
  'unit_code,unit_name,unit_kind,levels,parent_code,district,head_email,officer_email',
  'SGD,Sở GDĐT Hải Phòng,department,,,,giamdoc@sgd.hp.edu.vn,csdl@sgd.hp.edu.vn',
  'PGD-A,Phòng GDĐT An Dương,district_office,,SGD,An Dương,truongphong@pgd-a.hp.edu.vn,',
  'THCS-A1,Trường THCS An Đồng,school,THCS,PGD-A,An Dương,ht@a1.hp.edu.vn,cb@a1.hp.edu.vn',
].join('\n');

export const STUDENTS_CSV = [
  'unit_code,student_code,full_name,level,class_name,national_id,id_verification,status',
  'THCS-A1,HS1,Phạm Minh Châu,THCS,6A,031211000001,verified,studying',
  'THCS-A1,HS2,Vũ Thu Hà,THCS,6A,031211000002,unverified,studying',
].join('\n');

/** Seed 001's identity requirement for students: 17h00 08/6/2023 for THCS. */
export const IDENTITY = 'hp-2023-quy-trinh-ra-soat/hoc-sinh-xac-thuc-dinh-danh';
