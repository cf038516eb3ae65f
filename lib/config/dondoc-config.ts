import { z } from 'zod';
import { DondocError } from '../../functions/core/errors.ts';

/** Weekday tokens EventBridge Scheduler's cron accepts in the day-of-week field. */
export const WEEKDAYS = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** CloudWatch Logs accepts only these retention periods (days). */
export const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

/** Every context key the app reads; `cdk deploy -c key=value` overrides the default. */
export const CONTEXT_KEYS = [
  'region',
  'senderAddress',
  'senderDomain',
  'departmentCode',
  'adminEmails',
  'dailyRunTime',
  'digestWeekday',
  'digestRunTime',
  'dashboardUrl',
  'signInDomainPrefix',
  'tableName',
  'logRetentionDays',
  'noncurrentVersionDays',
  'quarantineDays',
  'accessLogDays',
] as const;

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM, 24-hour');
const days = z.coerce.number().int().positive();
const domainPrefix = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'lower-case letters, digits and inner hyphens, at most 63')
  .refine((p) => !/aws|amazon|cognito/.test(p), 'must not contain aws, amazon or cognito');

/* `-c key=value` on the command line always arrives as a string, cdk.json gives real JSON;
   the list accepts both a JSON array and a comma-separated string. */
const emailList = z.preprocess((raw, ctx) => {
  if (typeof raw !== 'string') return raw;
  const text = raw.trim();
  if (!text.startsWith('[')) return text === '' ? [] : text.split(',').map((s) => s.trim());
  try {
    return JSON.parse(text) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'a JSON array of addresses or a comma-separated list' });
    return z.NEVER;
  }
}, z.array(z.email()));

const schema = z
  .object({
    /* Both stacks deploy to one fixed region: SES identities, the bucket and the table are regional. */
    region: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'an AWS region code such as ap-southeast-1').default('ap-southeast-1'),
    senderAddress: z.email().default('dondoc@example.gov.vn'),
    senderDomain: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i).optional(),
    departmentCode: z.string().regex(/^[A-Z0-9_]{2,32}$/).default('SGDHP'),
    adminEmails: emailList.default([]),
    dailyRunTime: clock.default('08:00'),
    digestWeekday: z.enum(WEEKDAYS).default('MON'),
    digestRunTime: clock.optional(),
    /* Left out, the dashboard's address is its CloudFront URL, known only once deployed. Given, it is
       the address users open (a department domain pointed at the distribution): emails link to it
       and sign-in returns to it. */
    dashboardUrl: z.url({ protocol: /^https$/ }).optional(),
    /* The hosted sign-in page lives at https://<prefix>.auth.<region>.amazoncognito.com; the prefix
       is unique per region across all AWS accounts and may not contain aws, amazon or cognito. */
    signInDomainPrefix: domainPrefix.optional(),
    tableName: z.string().regex(/^[A-Za-z0-9_.-]{3,255}$/).optional(),
    logRetentionDays: days.default(90).refine((d) => (LOG_RETENTION_DAYS as readonly number[]).includes(d), {
      message: `one of ${LOG_RETENTION_DAYS.join(', ')}`,
    }),
    noncurrentVersionDays: days.default(90),
    quarantineDays: days.default(180),
    accessLogDays: days.default(365),
  })
  .refine((c) => c.signInDomainPrefix !== undefined || domainPrefix.safeParse(derivedPrefix(c.departmentCode)).success, {
    message: 'the prefix derived from departmentCode is not a valid sign-in domain; set signInDomainPrefix',
    path: ['signInDomainPrefix'],
  })
  .refine((c) => c.senderDomain === undefined || c.senderAddress.toLowerCase().endsWith(`@${c.senderDomain.toLowerCase()}`), {
    message: 'senderAddress must belong to senderDomain',
    path: ['senderAddress'],
  });

function derivedPrefix(departmentCode: string): string {
  return `dondoc-${departmentCode.toLowerCase().replace(/_/g, '-')}`;
}

export type DondocConfig = Omit<z.output<typeof schema>, 'digestRunTime' | 'signInDomainPrefix'> & { digestRunTime: string; signInDomainPrefix: string };

/** Reads the deployment parameters from CDK context (or any lookup), applying the documented defaults. */
export function readDondocConfig(lookup: (key: string) => unknown): DondocConfig {
  const raw: Record<string, unknown> = {};
  for (const key of CONTEXT_KEYS) {
    const value = lookup(key);
    if (value !== undefined) raw[key] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new DondocError('INVALID_ARGUMENT', `CDK context: ${where}`, parsed.error.issues);
  }
  const { data } = parsed;
  return {
    ...data,
    digestRunTime: data.digestRunTime ?? data.dailyRunTime,
    signInDomainPrefix: data.signInDomainPrefix ?? derivedPrefix(data.departmentCode),
  };
}
