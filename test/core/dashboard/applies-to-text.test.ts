import { describe, expect, it } from 'vitest';
import { appliesToText } from '../../../functions/core/dashboard/applies-to-text.ts';

describe('appliesToText', () => {
  it.each([
    [{}, ''],
    [{ levels: ['MN', 'TH', 'THCS'] }, 'Mầm non, Tiểu học, THCS'],
    [{ unitKinds: ['school'], levels: ['THPT'] }, 'Trường THPT'],
    [{ unitKinds: ['centre', 'district_office'] }, 'Trung tâm GDNN-GDTX, Phòng GDĐT'],
    [{ unitKinds: ['school'], districts: ['Việt Yên', 'PGD01'] }, 'Trường (địa bàn: Việt Yên, PGD01)'],
  ] satisfies Array<[Parameters<typeof appliesToText>[0], string]>)('writes %j as "%s"', (deadline, text) => {
    expect(appliesToText(deadline)).toBe(text);
  });
});
