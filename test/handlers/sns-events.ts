import { readFileSync } from 'node:fs';
import type { SNSEvent } from 'aws-lambda';

/** A JSON fixture of test/handlers/events/, parsed. */
export function eventFixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./events/${name}`, import.meta.url), 'utf8')) as T;
}

/** The SES event of `ses-<name>.json` as an SNS message body. */
export function sesMessage(name: string): string {
  return JSON.stringify(eventFixture(`ses-${name}.json`));
}

/** An SNS invocation as Lambda delivers it (the envelope of sns-ses-bounce.json), one record per message. */
export function snsEvent(...messages: string[]): SNSEvent {
  const [template] = eventFixture<SNSEvent>('sns-ses-bounce.json').Records;
  if (template === undefined) throw new Error('sns-ses-bounce.json has no record');
  return { Records: messages.map((Message, i) => ({ ...template, Sns: { ...template.Sns, MessageId: `sns-message-${i}`, Message } })) };
}
