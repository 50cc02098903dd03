import { Arg, Authorized, Query, Resolver } from 'type-graphql';
import { Scope } from '../../config';
import { type ContactRecord, type ContactStore } from '../../contacts';
import { CUSTOMER_SERVICE_WINDOW_MS } from '../../diagnosis';
import { isBusinessScopedUserId } from '../../messages';
import { badInput } from '../gateway-error';
import { Contact } from '../types/contact.type';

const PHONE_NUMBER = /^\+?[\d\s().-]{7,20}$/;

@Resolver(() => Contact)
export class ContactResolver {
  constructor(
    private readonly contacts: ContactStore,
    private readonly clock: () => number,
  ) {}

  @Authorized(Scope.READ)
  @Query(() => Contact, {
    nullable: true,
    description:
      'A customer by phone number (E.164, `+` optional) or business-scoped user id; null when no webhook has named them.',
  })
  async contact(
    @Arg('id', () => String, { description: 'An E.164 number, a BSUID or a contact id.' }) id: string,
  ): Promise<Contact | null> {
    const trimmed = id.trim();
    if (!isBusinessScopedUserId(trimmed) && !PHONE_NUMBER.test(trimmed)) {
      throw badInput(
        'id',
        'id must be a phone number in E.164 or a business-scoped user id (e.g. US.1349…).',
      );
    }
    const contact = await this.contacts.find(trimmed);
    return contact === null ? null : toContact(contact, this.clock());
  }
}

export function toContact(contact: ContactRecord, now: number): Contact {
  const expiresAt =
    contact.lastInboundAt === undefined ? null : contact.lastInboundAt + CUSTOMER_SERVICE_WINDOW_MS;
  return {
    id: contact.id,
    waId: contact.waId ?? null,
    phone: contact.phone ?? null,
    userId: contact.userId ?? null,
    parentUserId: contact.parentUserId ?? null,
    username: contact.username ?? null,
    profileName: contact.profileName ?? null,
    firstSeenAt: new Date(contact.firstSeenAt),
    lastSeenAt: new Date(contact.lastSeenAt),
    lastInboundAt: contact.lastInboundAt === undefined ? null : new Date(contact.lastInboundAt),
    serviceWindow: {
      open: expiresAt !== null && expiresAt > now,
      expiresAt: expiresAt === null ? null : new Date(expiresAt),
    },
    marketingOptOut: contact.marketingOptOut === true,
  };
}
