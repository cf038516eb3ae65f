import { vi } from 'vitest';

/** The environment DondocFunction gives every handler on AWS, for tests of the exported `handler`. */
export function stubHandlerEnv(tableName = 'dondoc-table'): void {
  vi.stubEnv('TABLE_NAME', tableName);
  vi.stubEnv('BUCKET_NAME', 'dondoc-snapshots');
  vi.stubEnv('NOTIFY_QUEUE_URL', 'https://sqs.ap-southeast-1.amazonaws.com/123456789012/dondoc-notify');
  vi.stubEnv('PLAN_QUEUE_URL', 'https://sqs.ap-southeast-1.amazonaws.com/123456789012/dondoc-plan');
  vi.stubEnv('SENDER_ADDRESS', 'dondoc@sogd.example.gov.vn');
  vi.stubEnv('CONFIGURATION_SET', 'dondoc');
  vi.stubEnv('DEPARTMENT_CODE', 'SGD');
  vi.stubEnv('DASHBOARD_URL', 'https://dondoc.sogd.example.gov.vn');
}
