import { describe, expect, it } from 'vitest';
import { suppressionsFor, type MailFeedback } from '../../../functions/core/feedback/mail-feedback.ts';

describe('suppressionsFor', () => {
  it('suppresses permanent bounces and complaints', () => {
    expect(suppressionsFor({ kind: 'bounce', permanent: true, recipients: ['a@x.vn', 'b@x.vn'] })).toEqual([
      { address: 'a@x.vn', reason: 'bounce' },
      { address: 'b@x.vn', reason: 'bounce' },
    ]);
    expect(suppressionsFor({ kind: 'complaint', recipients: ['c@x.vn'] })).toEqual([{ address: 'c@x.vn', reason: 'complaint' }]);
  });

  const ignored: MailFeedback[] = [
    { kind: 'bounce', permanent: false, recipients: ['a@x.vn'] },
    { kind: 'delivery', recipients: ['a@x.vn'] },
    { kind: 'reject' },
    { kind: 'other', eventType: 'Open' },
  ];

  it.each(ignored)('leaves $kind alone', (feedback) => {
    expect(suppressionsFor(feedback)).toEqual([]);
  });
});
