/**
 * An error answer of the SQS JSON protocol. `type` is the Smithy shape the SDK turns into an
 * exception class (its `name`); `queryCode` is the legacy Query API code SQS also sends in the
 * `x-amzn-query-error` header, which the SDK reads first for this awsQueryCompatible service.
 */
export class SqsFault extends Error {
  override readonly name = 'SqsFault';

  constructor(
    readonly type: string,
    readonly queryCode: string,
    message: string,
    readonly status = 400,
    readonly senderFault = true,
  ) {
    super(message);
  }

  static queueDoesNotExist(): SqsFault {
    return new SqsFault('QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue', 'The specified queue does not exist.');
  }

  static invalidAddress(url: string): SqsFault {
    return new SqsFault('InvalidAddress', 'InvalidAddress', `The address ${url} is not valid for this endpoint.`, 404);
  }

  static unsupportedOperation(message: string): SqsFault {
    return new SqsFault('UnsupportedOperation', 'AWS.SimpleQueueService.UnsupportedOperation', message);
  }

  static invalidParameterValue(message: string): SqsFault {
    return new SqsFault('InvalidParameterValue', 'InvalidParameterValue', message);
  }

  static invalidMessageContents(message: string): SqsFault {
    return new SqsFault('InvalidMessageContents', 'InvalidMessageContents', message);
  }

  static batch(type: 'EmptyBatchRequest' | 'TooManyEntriesInBatchRequest' | 'BatchEntryIdsNotDistinct' | 'InvalidBatchEntryId' | 'BatchRequestTooLong', message: string): SqsFault {
    return new SqsFault(type, `AWS.SimpleQueueService.${type}`, message);
  }

  static internal(message: string): SqsFault {
    return new SqsFault('InternalError', 'InternalError', message, 500, false);
  }

  /** The body and headers SQS answers with. */
  toResponse(): { status: number; headers: Record<string, string>; body: string } {
    return {
      status: this.status,
      headers: { 'x-amzn-query-error': `${this.queryCode};${this.senderFault ? 'Sender' : 'Receiver'}` },
      body: JSON.stringify({ __type: `com.amazonaws.sqs#${this.type}`, message: this.message }),
    };
  }
}
