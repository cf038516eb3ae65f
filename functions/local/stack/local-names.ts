/** The names the local stack gives what CDK names on AWS. */
export const LOCAL_NAMES = {
  bucket: 'dondoc-local',
  table: 'dondoc-local',
  ingestQueue: 'dondoc-ingest',
  notifyQueue: 'dondoc-notify',
  planQueue: 'dondoc-plan',
  configurationSet: 'dondoc-local',
  sender: 'dondoc@sgd.local',
  region: 'ap-southeast-1',
} as const;
