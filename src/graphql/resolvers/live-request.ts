import { type GraphQLResolveInfo } from 'graphql';
import { customerNames } from '../../conversations';
import { type CustomerEventFilter, type LiveSubscribeRequest } from '../../live';
import { type GatewayContext } from '../context';

/** The `since` argument of every live subscription. */
export const SINCE_DESCRIPTION =
  'The cursor of the last event you received: the events after it are replayed first, then live ones follow, with no gap and no duplicate.';

/**
 * What every live subscription hands the engine besides its filter: where to resume, the selection to
 * render, the transport that writes it, and who may see the renders (the caller's scopes: subscribers
 * with other scopes never share one).
 */
export function liveRequest(
  context: GatewayContext,
  info: GraphQLResolveInfo,
  since: string | null | undefined,
): Omit<LiveSubscribeRequest<unknown>, 'filter'> {
  return {
    since: since ?? null,
    info,
    transport: context.transport,
    audienceKey: [...(context.caller?.scopes ?? [])].sort().join('+'),
  };
}

/**
 * The filter of a customer stream (`messageReceived`, `callEventReceived`): a customer named by number or
 * BSUID is followed under every name the contacts know them by.
 */
export async function customerFilter(
  context: GatewayContext,
  customer: string | null,
  phoneNumberId: string | null,
): Promise<CustomerEventFilter> {
  const customers = customer === null ? null : await customerNames(context.live.contacts, customer);
  return { customers, phoneNumberId };
}
