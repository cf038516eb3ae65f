import { describe, expect, it } from 'vitest';
import { CONTEXT_KEYS, readDondocConfig } from '../../lib/config/dondoc-config.ts';
import { dailyCron, weeklyCron } from '../../lib/config/schedule-cron.ts';
import { DondocError } from '../../functions/core/errors.ts';
import { CDK_JSON_CONTEXT } from './app-fixture.ts';

/** Reads a config from context values as `cdk -c key=value` would pass them. */
function read(context: Record<string, unknown>) {
  return readDondocConfig((key) => context[key]);
}

function failure(context: Record<string, unknown>): DondocError {
  try {
    read(context);
  } catch (error) {
    if (error instanceof DondocError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(context)}`);
}

describe('readDondocConfig', () => {
  it('applies the documented defaults when no context is given', () => {
    expect(read({})).toEqual({
      region: 'ap-southeast-1',
      senderAddress: 'dondoc@example.gov.vn',
      departmentCode: 'SGDHP',
      adminEmails: [],
      dailyRunTime: '08:00',
      digestWeekday: 'MON',
      digestRunTime: '08:00',
      signInDomainPrefix: 'dondoc-sgdhp',
      logRetentionDays: 90,
      noncurrentVersionDays: 90,
      quarantineDays: 180,
      accessLogDays: 365,
    });
  });

  it('ships cdk.json with exactly the defaults, so the file documents them without changing them', () => {
    const defaults: Record<string, unknown> = read({});
    const documented = Object.fromEntries(Object.entries(CDK_JSON_CONTEXT).filter(([key]) => (CONTEXT_KEYS as readonly string[]).includes(key)));
    for (const [key, value] of Object.entries(documented)) expect(value, key).toEqual(defaults[key]);
    expect(read(documented)).toEqual(defaults);
  });

  it('reads command-line strings: numbers, lists and times', () => {
    const config = read({
      logRetentionDays: '365',
      noncurrentVersionDays: '30',
      adminEmails: 'ops@sgd.edu.vn, it@sgd.edu.vn',
      dailyRunTime: '07:30',
      digestWeekday: 'FRI',
      digestRunTime: '16:00',
    });
    expect(config).toMatchObject({
      logRetentionDays: 365,
      noncurrentVersionDays: 30,
      adminEmails: ['ops@sgd.edu.vn', 'it@sgd.edu.vn'],
      dailyRunTime: '07:30',
      digestWeekday: 'FRI',
      digestRunTime: '16:00',
    });
  });

  it('accepts the admin list as a JSON array, in cdk.json or as a string', () => {
    expect(read({ adminEmails: ['a@sgd.edu.vn'] }).adminEmails).toEqual(['a@sgd.edu.vn']);
    expect(read({ adminEmails: '["a@sgd.edu.vn","b@sgd.edu.vn"]' }).adminEmails).toEqual(['a@sgd.edu.vn', 'b@sgd.edu.vn']);
    expect(read({ adminEmails: '  ' }).adminEmails).toEqual([]);
  });

  it('lets the digest follow the daily run time unless it has its own', () => {
    expect(read({ dailyRunTime: '06:45' }).digestRunTime).toBe('06:45');
  });

  it('leaves the dashboard address to CloudFront unless one is given', () => {
    expect(read({}).dashboardUrl).toBeUndefined();
    expect(read({ dashboardUrl: 'https://dondoc.haiphong.edu.vn/' }).dashboardUrl).toBe('https://dondoc.haiphong.edu.vn/');
  });

  it('derives the sign-in domain prefix from the department code unless one is given', () => {
    expect(read({ departmentCode: 'SGD_BG' }).signInDomainPrefix).toBe('dondoc-sgd-bg');
    expect(read({ signInDomainPrefix: 'hp-dondoc' }).signInDomainPrefix).toBe('hp-dondoc');
  });

  it('accepts a sender on its verified domain', () => {
    expect(read({ senderAddress: 'noreply@haiphong.edu.vn', senderDomain: 'haiphong.edu.vn' }).senderDomain).toBe('haiphong.edu.vn');
  });

  it.each([
    ['a clock without leading zero', { dailyRunTime: '8:00' }, 'dailyRunTime'],
    ['an hour past 23', { digestRunTime: '24:00' }, 'digestRunTime'],
    ['a weekday CloudWatch does not know', { digestWeekday: 'MONDAY' }, 'digestWeekday'],
    ['a retention CloudWatch Logs does not offer', { logRetentionDays: '45' }, 'logRetentionDays'],
    ['a retention that is not a number', { logRetentionDays: 'forever' }, 'logRetentionDays'],
    ['zero days', { quarantineDays: 0 }, 'quarantineDays'],
    ['a fractional day count', { accessLogDays: '1.5' }, 'accessLogDays'],
    ['a malformed address in the admin list', { adminEmails: 'ops@sgd.edu.vn,nobody' }, 'adminEmails'],
    ['a broken JSON admin list', { adminEmails: '["ops@sgd.edu.vn"' }, 'adminEmails'],
    ['a plain-http dashboard', { dashboardUrl: 'http://dondoc.example.gov.vn' }, 'dashboardUrl'],
    ['a lower-case department code', { departmentCode: 'sgdhp' }, 'departmentCode'],
    ['a sender outside the verified domain', { senderAddress: 'x@gmail.com', senderDomain: 'haiphong.edu.vn' }, 'senderAddress'],
    ['a malformed region', { region: 'Singapore' }, 'region'],
    ['a table name with spaces', { tableName: 'dondoc table' }, 'tableName'],
    ['a sign-in prefix with capitals', { signInDomainPrefix: 'Dondoc' }, 'signInDomainPrefix'],
    ['a sign-in prefix Cognito reserves', { signInDomainPrefix: 'dondoc-cognito' }, 'signInDomainPrefix'],
    ['a department code whose derived prefix ends in a hyphen', { departmentCode: 'SGD_' }, 'signInDomainPrefix'],
  ])('rejects %s with a typed INVALID_ARGUMENT naming the key', (_what, context, key) => {
    const error = failure(context);
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toMatch(new RegExp(`\\b${key}(\\.\\d+)?: `));
  });

  it('reports every bad key at once', () => {
    const error = failure({ dailyRunTime: '25:00', logRetentionDays: 2 });
    expect(error.message).toMatch(/dailyRunTime: .*logRetentionDays: /);
  });
});

describe('schedule cron expressions (Vietnam wall time; the zone travels separately)', () => {
  it('runs daily at the given minute and hour', () => {
    expect(dailyCron('08:00')).toBe('cron(0 8 * * ? *)');
    expect(dailyCron('07:05')).toBe('cron(5 7 * * ? *)');
  });

  it('runs weekly on the given day', () => {
    expect(weeklyCron('16:30', 'FRI')).toBe('cron(30 16 ? * FRI *)');
  });
});
