/** The subscription documents the fan-out suites send, and the shape of what the fuller one returns. */

/** Every filter as a variable, so that one text serves every subscriber (and the document cache). */
export const WATCH = `subscription ($messageId: ID, $recipient: String, $phoneNumberId: ID, $since: String) {
  messageStatusChanged(messageId: $messageId, recipient: $recipient, phoneNumberId: $phoneNumberId, since: $since) {
    cursor status message { id recipient }
  }
}`;

/** A second selection set on the same events: fan-out must execute and serialise it apart. */
export const STATUS_ONLY =
  'subscription ($recipient: String) { messageStatusChanged(recipient: $recipient) { status } }';

export type Watched = {
  messageStatusChanged: { cursor: string; status: string; message: { id: string; recipient: string } };
};
