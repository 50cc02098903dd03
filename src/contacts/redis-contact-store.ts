import { type Redis, type Cluster } from 'ioredis';
import {
  type ContactFilter,
  type ContactPage,
  type ContactPosition,
  type ContactRecord,
  type ContactSighting,
  type ContactStore,
} from './contact';
import {
  decodeFindContactReply,
  encodeFindContactArgs,
  FIND_CONTACT_COMMAND,
  FIND_CONTACT_SCRIPT,
} from './redis-contact-find-script';
import {
  decodeListContactsReply,
  encodeListContactsArgs,
  LIST_CONTACTS_COMMAND,
  LIST_CONTACTS_SCRIPT,
} from './redis-contact-list-script';
import {
  decodeObserveContactsReply,
  encodeObserveContactsArgs,
  OBSERVE_CONTACTS_COMMAND,
  OBSERVE_CONTACTS_SCRIPT,
} from './redis-contact-observe-script';
import {
  DEFAULT_RETENTION_MS,
  defineScripts,
  type EpochMillis,
  normaliseCustomerId,
  type ScriptCommands,
} from '../store-kit';

// The store's three scripts, each in its own module with its contract: how it is defined, the encoder of
// its ARGV from named fields, and the decoder that checks its reply.
const CONTACT_SCRIPTS = {
  [OBSERVE_CONTACTS_COMMAND]: OBSERVE_CONTACTS_SCRIPT,
  [FIND_CONTACT_COMMAND]: FIND_CONTACT_SCRIPT,
  [LIST_CONTACTS_COMMAND]: LIST_CONTACTS_SCRIPT,
};

/** Contacts read per page walk at most, so that a rare filter cannot block Redis. */
const SCAN_LIMIT = 5_000;

/** The hash tag every contact key carries, so that one script can join two contacts on a cluster. */
const CONTACT_KEYS_HASH_TAG = '{c}';

/** Contacts in Redis; the connection is the composition root's. */
export class RedisContactStore implements ContactStore {
  private readonly redis: (Redis | Cluster) & ScriptCommands<keyof typeof CONTACT_SCRIPTS>;
  private readonly prefix: string;

  /** `retentionMs`: how long a contact is kept after its last activity (`MESSAGE_RETENTION_DAYS`). */
  constructor(
    connection: Redis | Cluster,
    keyPrefix: string,
    private readonly retentionMs: number = DEFAULT_RETENTION_MS,
  ) {
    this.redis = defineScripts(connection, CONTACT_SCRIPTS);
    this.prefix = `${keyPrefix}${CONTACT_KEYS_HASH_TAG}:`;
  }

  async observe(sightings: readonly ContactSighting[], seenAt: EpochMillis): Promise<void> {
    if (sightings.length === 0) return;
    const reply = await this.redis[OBSERVE_CONTACTS_COMMAND](
      `${this.prefix}idx`,
      ...encodeObserveContactsArgs({
        keyPrefix: this.prefix,
        seenAt,
        sightings,
        retentionMs: this.retentionMs,
      }),
    );
    decodeObserveContactsReply(reply);
  }

  async find(idOrIdentity: string): Promise<ContactRecord | null> {
    const reply = await this.redis[FIND_CONTACT_COMMAND](
      `${this.prefix}idx`,
      ...encodeFindContactArgs({ keyPrefix: this.prefix, name: normaliseCustomerId(idOrIdentity) }),
    );
    const fields = decodeFindContactReply(reply);
    return fields === null ? null : decodeContact(fields);
  }

  async list(filter: ContactFilter, first: number, after: ContactPosition | null): Promise<ContactPage> {
    const reply = await this.redis[LIST_CONTACTS_COMMAND](
      `${this.prefix}idx`,
      ...encodeListContactsArgs({ keyPrefix: this.prefix, after, first, filter, scanLimit: SCAN_LIMIT }),
    );
    const page = decodeListContactsReply(reply);
    return { contacts: page.contacts.map(decodeContact), end: page.end };
  }
}

const TEXT_FIELDS = ['waId', 'phone', 'userId', 'parentUserId', 'username', 'profileName'] as const;

function decodeContact(flat: readonly string[]): ContactRecord {
  const hash = new Map<string, string>();
  for (let i = 0; i + 1 < flat.length; i += 2) hash.set(flat[i] as string, flat[i + 1] as string);
  const contact: ContactRecord = {
    id: hash.get('id') ?? '',
    firstSeenAt: Number(hash.get('firstSeenAt') ?? 0),
    lastSeenAt: Number(hash.get('lastSeenAt') ?? 0),
  };
  for (const field of TEXT_FIELDS) {
    const value = hash.get(field);
    if (value !== undefined) contact[field] = value;
  }
  const inbound = hash.get('lastInboundAt');
  if (inbound !== undefined) contact.lastInboundAt = Number(inbound);
  const optOut = hash.get('marketingOptOut');
  if (optOut !== undefined) {
    contact.marketingOptOut = optOut === '1';
    contact.marketingPreferenceAt = Number(hash.get('marketingPreferenceAt') ?? 0);
  }
  return contact;
}
