/** A subscriber without a transport that stopped reading what it is sent, past its buffer. */
export class SubscriberTooSlowError extends Error {
  constructor(readonly bufferedEvents: number) {
    super('This subscriber fell too far behind; resubscribe with `since` set to the last cursor received.');
    this.name = 'SubscriberTooSlowError';
  }
}
