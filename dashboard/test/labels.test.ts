import { describe, expect, it } from 'vitest';
import { stageLabel } from '../src/format/labels.ts';
import { seriesValues, shortDay, TREND_SERIES } from '../src/components/trend-series.ts';
import { expectedDateText, findingText } from '../src/views/unit-texts.ts';

describe('texts of the unit page and the trend', () => {
  it('names the notification log’s stages in Vietnamese', () => {
    expect(stageLabel('reminder-3')).toBe('Nhắc trước 3 ngày');
    expect(stageLabel('reminder-0')).toBe('Nhắc vào ngày hạn');
    expect(stageLabel('escalation-2')).toBe('Báo cáo Sở GDĐT');
    expect(stageLabel('digest-2023-06-26')).toBe('Bản tin tuần 2023-06-26');
  });

  it('explains a data-quality finding without any personal data', () => {
    expect(findingText({ kind: 'missing_email', unit: 'THCS-A1', field: 'head_email' })).toContain('thủ trưởng');
    expect(findingText({ kind: 'no_recipient', unit: 'THCS-A1', requirement: 'd/r', stage: 'escalation-1' })).toContain('Báo cáo đơn vị quản lý');
  });

  it('writes an expected date as Vietnamese do and leaves free text alone', () => {
    expect(expectedDateText('2023-06-30')).toBe('30/6/2023');
    expect(expectedDateText('cuối tháng 6')).toBe('cuối tháng 6');
  });

  it('plots each series as the share of units in its statuses', () => {
    const points = [
      { day: '2023-06-08', counts: { units: 8, total: 0, failing: 0, rate: 0, byStatus: { compliant: 1, compliant_late: 1, overdue: 2 } } },
      { day: '2023-06-09', counts: { units: 0, total: 0, failing: 0, rate: 0, byStatus: {} } },
    ];
    const [done, , late] = TREND_SERIES;
    expect(done && seriesValues(points, done)).toEqual([25, 0]);
    expect(late && seriesValues(points, late)).toEqual([25, 0]);
    expect(shortDay('2023-06-08')).toBe('08/6');
  });
});
