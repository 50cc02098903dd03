import { type Redis } from 'ioredis';
import { type ContactStore, MemoryContactStore, RedisContactStore } from '../../../src/contacts';
import { connectRedis, deleteKeys, randomKeyPrefix } from '../webhooks/webhook-store-setups';

const BSUID = 'US.13491208655302741918';
const OTHER_BSUID = 'US.99990000000000000001';
const NUMBER = '16505551234';

interface Setup {
  name: string;
  create(): Promise<{ contacts: ContactStore; close(): Promise<void> }>;
}

let redis: Redis;
beforeAll(async () => {
  redis = await connectRedis(6379);
});
afterAll(async () => {
  await redis.quit();
});

const setups: Setup[] = [
  {
    name: 'memory',
    create: async () => ({ contacts: new MemoryContactStore(), close: async () => undefined }),
  },
  {
    name: 'Redis',
    create: async () => {
      const prefix = randomKeyPrefix('contacts');
      return { contacts: new RedisContactStore(redis, prefix), close: () => deleteKeys(redis, prefix) };
    },
  },
];

describe.each(setups)('the $name contact store', (setup) => {
  let contacts: ContactStore;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ contacts, close } = await setup.create());
  });
  afterEach(() => close());

  it('keeps a contact seen by number under the number, found with or without `+`', async () => {
    await contacts.observe([{ waId: NUMBER, profileName: 'Ana' }], 1_000);
    const expected = {
      id: `+${NUMBER}`,
      waId: NUMBER,
      phone: `+${NUMBER}`,
      profileName: 'Ana',
      firstSeenAt: 1_000,
      lastSeenAt: 1_000,
    };
    expect(await contacts.find(`+${NUMBER}`)).toEqual(expected);
    expect(await contacts.find(NUMBER)).toEqual(expected);
    expect(await contacts.find(BSUID)).toBeNull();
  });

  it('joins the contact known by number into the BSUID once Meta shows both, keeping the earliest and latest times', async () => {
    await contacts.observe([{ waId: NUMBER, profileName: 'Ana', inboundAt: 500 }], 1_000);
    await contacts.observe([{ userId: BSUID, username: '@ana' }], 2_000);
    await contacts.observe([{ waId: NUMBER, userId: BSUID }], 3_000);
    const joined = {
      id: BSUID,
      waId: NUMBER,
      phone: `+${NUMBER}`,
      userId: BSUID,
      username: '@ana',
      profileName: 'Ana',
      firstSeenAt: 1_000,
      lastSeenAt: 3_000,
      lastInboundAt: 500,
    };
    expect(await contacts.find(NUMBER)).toEqual(joined);
    expect(await contacts.find(BSUID)).toEqual(joined);
    // A later sighting by number alone still lands on the joined contact.
    await contacts.observe([{ waId: NUMBER, inboundAt: 4_000 }], 4_000);
    expect(await contacts.find(BSUID)).toMatchObject({ lastSeenAt: 4_000, lastInboundAt: 4_000 });
  });

  it('moves a number seen with a new BSUID to it, and the old contact keeps only its BSUID', async () => {
    await contacts.observe([{ waId: NUMBER, userId: BSUID }], 1_000);
    await contacts.observe([{ waId: NUMBER, userId: OTHER_BSUID }], 2_000);
    expect(await contacts.find(NUMBER)).toMatchObject({ id: OTHER_BSUID, phone: `+${NUMBER}` });
    const old = await contacts.find(BSUID);
    expect(old).toMatchObject({ id: BSUID, userId: BSUID });
    expect(old).not.toHaveProperty('phone');
  });

  it('takes a whole webhook of sightings in one call, and ignores one that names nobody', async () => {
    await contacts.observe([{ waId: '1' }, { userId: BSUID }, { profileName: 'nobody' }], 1_000);
    expect(await contacts.find('+1')).toMatchObject({ id: '+1' });
    expect(await contacts.find(BSUID)).toMatchObject({ id: BSUID });
  });
});
