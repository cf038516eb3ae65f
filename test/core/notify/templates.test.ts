import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../functions/core/catalog/schema.ts';
import { evaluate } from '../../../functions/core/evaluation/evaluate.ts';
import type { UnitState } from '../../../functions/core/evaluation/types.ts';
import { summariseSnapshot } from '../../../functions/core/ingest/summarise-snapshot.ts';
import { planNotifications } from '../../../functions/core/notify/plan-notifications.ts';
import { renderEmail } from '../../../functions/core/notify/templates/render-email.ts';
import type { NotifyMessage } from '../../../functions/core/notify/types.ts';
import type { UnitRecord } from '../../../functions/core/snapshot/entities.ts';
import { bufferInput } from '../../../functions/core/snapshot/open-snapshot.ts';
import { applySummaries } from '../../../functions/core/state/apply-summaries.ts';
import { catalogWith, requirementWith, run } from './province.ts';

/*
 * The emails built from real snapshot files, the way the planner Lambda will build them: the
 * files carry names and national ID numbers, and none may reach an email.
 */
const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung'];
const NATIONAL_IDS = ['031208000001', '031208000002', '031208000003', '031208000004'];

const UNITS = [
  'Mã đơn vị,Tên đơn vị,Loại đơn vị,Cấp học,Mã đơn vị quản lý,Quận/Huyện,Email thủ trưởng,Email cán bộ phụ trách',
  'SGD,Sở GDĐT Hải Phòng,Sở,,,,giamdoc@hp.edu.vn,csdl@hp.edu.vn',
  'PGD-NQ,Phòng GDĐT Ngô Quyền,Phòng GDĐT,,SGD,Ngô Quyền,tp.nq@hp.edu.vn,cb.nq@hp.edu.vn',
  'THCS01,Trường THCS <Lê Lợi> & "Bạn",Trường,THCS,PGD-NQ,Ngô Quyền,ht.thcs01@hp.edu.vn,cb.thcs01@hp.edu.vn',
].join('\n');

const STUDENTS = [
  'Mã trường,Mã học sinh,Họ và tên,Cấp học,Lớp,Số định danh cá nhân,Trạng thái xác thực,Trạng thái học',
  `THCS01,HS001,${NAMES[0]},THCS,6A1,${NATIONAL_IDS[0]},Đã xác thực,Đang học`,
  `THCS01,HS002,${NAMES[1]},THCS,6A1,${NATIONAL_IDS[1]},Chưa xác thực,Đang học`,
  `THCS01,HS003,${NAMES[2]},THCS,7A2,${NATIONAL_IDS[2]},Sai thông tin,Đang học`,
  `THCS01,HS004,${NAMES[3]},THCS,7A2,${NATIONAL_IDS[3]},Đã xác thực,Đang học`,
].join('\n');

const catalog: Catalog = catalogWith({ ...requirementWith(), title: 'Học sinh <b>xác thực</b> & đồng bộ' });
const requirements = catalog.dispatches.flatMap((d) => d.requirements);

async function load(asOf: number): Promise<{ registry: Map<string, UnitRecord>; states: Map<string, UnitState> }> {
  const registry = new Map<string, UnitRecord>();
  const states = new Map<string, UnitState>();
  for (const [name, text] of [['units.csv', UNITS], ['students.csv', STUDENTS]] as const) {
    const s = await summariseSnapshot(bufferInput(name, text), requirements, { asOf: asOf - 3_600_000 });
    expect(s.report.ok).toBe(true);
    for (const u of s.registry) registry.set(u.unitCode, u);
    applySummaries(states, s.summaries);
  }
  return { registry, states };
}

async function messagesOn(day: string): Promise<NotifyMessage[]> {
  const asOf = run(day);
  const { registry, states } = await load(asOf);
  const results = evaluate(catalog, { registry, states, asOf });
  return planNotifications({ catalog, registry, results, states, department: 'SGD', asOf, alreadySent: () => false }).messages;
}

const OPTS = { dashboardUrl: 'https://dondoc.example.gov.vn/' };

describe('email templates', async () => {
  // Monday 05/6: reminder-3 and the digest; Friday 09/6: escalation-1; Monday 12/6: escalation-2 and the digest.
  const all = [...(await messagesOn('2023-06-05')), ...(await messagesOn('2023-06-09')), ...(await messagesOn('2023-06-12'))];
  const find = (stage: string) => {
    const m = all.find((x) => x.stage === stage);
    if (!m) throw new Error(`no ${stage} among ${all.map((x) => x.stage).join(', ')}`);
    return { message: m, email: renderEmail(m, OPTS) };
  };

  it('covers every kind', () => {
    expect(all.map((m) => m.stage)).toEqual(['reminder-3', 'digest-2023-06-05', 'escalation-1', 'escalation-2', 'digest-2023-06-12']);
  });

  it('writes a reminder with the dispatch, the deadline as officials write it, the figures, classes, codes and the link', () => {
    const { message, email } = find('reminder-3');
    expect(message.subject).toBe('[Nhắc việc] THCS01: Học sinh <b>xác thực</b> & đồng bộ – còn 3 ngày, hạn trước 17h00 ngày 08/6/2023');
    for (const body of [email.text, email.html]) {
      expect(body).toContain('17h00 ngày 08/6/2023');
      expect(body).toContain('còn 3 ngày');
      expect(body).toContain('còn 2/4 học sinh chưa xác thực (50%)');
      expect(body).toContain('6A1');
      expect(body).toContain('7A2');
      expect(body).toContain('HS002, HS003');
      expect(body).toContain('Đồng bộ học sinh chưa xác thực với CSDLQG về dân cư.');
    }
    expect(email.text).toContain('Văn bản số 1329/SGDĐT-GDTX&ĐH ngày 18/5/2023 của Sở GDĐT Hải Phòng');
    expect(email.html).toContain('Văn bản số 1329/SGDĐT-GDTX&amp;ĐH ngày 18/5/2023 của Sở GDĐT Hải Phòng');
    expect(email.text).toContain('https://dondoc.example.gov.vn/units/THCS01?requirement=hp-2023-quy-trinh-ra-soat%2Fhoc-sinh-xac-thuc-dinh-danh');
    expect(email.html).toContain('href="https://dondoc.example.gov.vn/units/THCS01?requirement=hp-2023-quy-trinh-ra-soat%2Fhoc-sinh-xac-thuc-dinh-danh"');
    expect(email.html).toContain('name="viewport"');
  });

  it('writes an escalation with a table of the overdue units and their figures', () => {
    const { email } = find('escalation-1');
    expect(email.subject).toBe('[Quá hạn] 1 đơn vị chưa hoàn thành: Học sinh <b>xác thực</b> & đồng bộ');
    expect(email.text).toContain('Kính gửi: Thủ trưởng Phòng GDĐT Ngô Quyền.');
    expect(email.text).toContain('1. Trường THCS <Lê Lợi> & "Bạn" (THCS01): 2/4 học sinh chưa đạt (50%), quá hạn 1 ngày');
    expect(email.html).toContain('<td style="border:1px solid #ccc;padding:4px 6px;text-align:left">Trường THCS &lt;Lê Lợi&gt; &amp; &quot;Bạn&quot;</td>');
    expect(email.html).toContain('Thời hạn:</strong> trước 17h00 ngày 08/6/2023');
    const second = find('escalation-2').email;
    expect(second.subject).toBe('[Quá hạn 4 ngày – báo cáo Sở] 1 đơn vị chưa hoàn thành: Học sinh <b>xác thực</b> & đồng bộ');
    expect(second.text).toContain('Kính gửi: Lãnh đạo Sở GDĐT Hải Phòng.');
  });

  it('writes the digest with the province by level and the units furthest behind', () => {
    const { email } = find('digest-2023-06-12');
    expect(email.subject).toBe('[Tổng hợp tuần 12/6/2023] CSDL ngành: 1 yêu cầu còn đơn vị chưa hoàn thành');
    expect(email.text).toContain('- THCS: 2/4 chưa đạt (50%), 1 đơn vị quá hạn');
    expect(email.text).toContain('- TỔNG SỐ: 2/4 chưa đạt (50%), 1 đơn vị quá hạn');
    expect(email.text).toContain('1. Trường THCS <Lê Lợi> & "Bạn" (THCS01) – Học sinh <b>xác thực</b> & đồng bộ: Quá hạn, 2/4 (50%)');
    expect(email.html).toContain('>TỔNG SỐ<');
    expect(email.text).toContain('https://dondoc.example.gov.vn/');
  });

  it('escapes everything in the HTML', () => {
    for (const m of all) {
      const { html } = renderEmail(m, OPTS);
      expect(html).not.toContain('<b>');
      expect(html).not.toContain('<Lê Lợi>');
      expect(html).toContain('Học sinh &lt;b&gt;xác thực&lt;/b&gt; &amp; đồng bộ');
    }
  });

  it('never carries a name or a national ID number, in the emails or the messages', () => {
    for (const m of all) {
      const { html, text, subject } = renderEmail(m, OPTS);
      for (const body of [html, text, subject, JSON.stringify(m)]) {
        for (const secret of [...NAMES, ...NATIONAL_IDS]) expect(body).not.toContain(secret);
      }
    }
  });
});
