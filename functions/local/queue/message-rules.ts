import { SqsFault } from './sqs-fault.ts';

/* SQS's limit on a message body, and on the bodies of one batch together. */
export const MAX_MESSAGE_BYTES = 256 * 1024;
export const MAX_BATCH_ENTRIES = 10;

/* The characters SQS accepts in a body (the XML 1.0 Char production); the rest are refused, not replaced. */
const FORBIDDEN_CHARACTER = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export function bodyBytes(body: string): number {
  return Buffer.byteLength(body, 'utf8');
}

/** Why SQS would refuse this body, or undefined when it would take it. */
export function bodyFault(body: string): SqsFault | undefined {
  if (bodyBytes(body) > MAX_MESSAGE_BYTES) {
    return SqsFault.invalidParameterValue(`One or more parameters are invalid. Reason: Message must be shorter than ${MAX_MESSAGE_BYTES} bytes.`);
  }
  if (FORBIDDEN_CHARACTER.test(body)) {
    return SqsFault.invalidMessageContents('Invalid characters found. Valid characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF');
  }
  return undefined;
}
