import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { mockClient } from 'aws-sdk-client-mock';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { AdapterError } from '../../../functions/adapters/adapter-error.ts';
import { decodeMessageBody, encodeMessageBody } from '../../../functions/adapters/sqs/message-body.ts';
import { SqsOutbox } from '../../../functions/adapters/sqs/sqs-outbox.ts';
import { OutboundEmail } from '../../../functions/core/outbox/outbound-email.ts';
import { plannedEmail } from '../../handlers/emails.ts';

const SQS_MESSAGE_LIMIT = 256 * 1024;

/* A department escalation for a national registry: one email standing for 50,000 overdue units. */
function nationalEscalation(): OutboundEmail {
  const units = Array.from({ length: 50_000 }, (_, i) => `TH${String(i).padStart(6, '0')}`);
  return plannedEmail({ kind: 'escalation', stage: 'escalation-department', unit: 'SGD', units });
}

describe('SQS message bodies', () => {
  const sqs = mockClient(SQSClient);
  beforeEach(() => {
    sqs.reset();
    sqs.on(SendMessageBatchCommand).resolves({ Successful: [], Failed: [] });
  });

  it('keeps an ordinary email as plain JSON', () => {
    const email = plannedEmail();
    expect(JSON.parse(encodeMessageBody(email))).toEqual(email);
  });

  it('sends an escalation naming 50,000 units well inside the SQS limit, and the sender reads it back whole', async () => {
    const email = nationalEscalation();
    expect(Buffer.byteLength(JSON.stringify(email))).toBeGreaterThan(SQS_MESSAGE_LIMIT / 2);
    await new SqsOutbox(new SQSClient({ region: 'ap-southeast-1' }), 'https://sqs.example/q').enqueue([email]);
    const body = sqs.commandCalls(SendMessageBatchCommand)[0]?.args[0].input.Entries?.[0]?.MessageBody ?? '';
    expect(Buffer.byteLength(body)).toBeLessThan(SQS_MESSAGE_LIMIT / 4);
    expect(OutboundEmail.parse(decodeMessageBody(body))).toEqual(email);
  });

  it('round-trips any message, small or large', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { maxLength: 20_000 }), (units) => {
        expect(decodeMessageBody(encodeMessageBody({ units }))).toEqual({ units });
      }),
      { numRuns: 30 },
    );
  });

  it('refuses a body that is not JSON, or an envelope that does not decompress, with a typed error', () => {
    expect(() => decodeMessageBody('not json')).toThrow(AdapterError);
    expect(() => decodeMessageBody(JSON.stringify({ br: 'bm90IGJyb3RsaQ==' }))).toThrow(AdapterError);
  });
});
