/** A WhatsApp message id as Meta writes it: `wamid.` and a base64 body. The one rule for every input. */
const WAMID = /^wamid\.[A-Za-z0-9+/=_-]{4,512}$/;

/** Whether `text` is a message id (wamid.…) that may be sent back to Meta. */
export function isWamid(text: string): boolean {
  return WAMID.test(text);
}
