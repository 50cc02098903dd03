import { type ContactSighting, mergeSightings } from '../../../src/contacts';

const NUMBER = '5511987654321';
const BSUID = 'BR.1349871203948';
const T = 1_760_100_000_000;

describe('mergeSightings', () => {
  it('keeps one entry per customer, in the order of their first sighting', () => {
    expect(
      mergeSightings([
        { waId: '111' },
        { userId: 'US.2' },
        { waId: '111', profileName: 'Ana' },
        { waId: '333' },
      ]),
    ).toEqual([{ waId: '111', profileName: 'Ana' }, { userId: 'US.2' }, { waId: '333' }]);
  });

  it('joins a number and a BSUID from the sighting that names both on', () => {
    expect(
      mergeSightings([
        { userId: BSUID },
        { waId: NUMBER, userId: BSUID },
        { waId: NUMBER, username: 'ana.p' },
      ]),
    ).toEqual([{ userId: BSUID, waId: NUMBER, username: 'ana.p' }]);
  });

  it('looks the BSUID up first: a number seen alone before stays its own entry', () => {
    expect(mergeSightings([{ waId: NUMBER }, { userId: BSUID }, { waId: NUMBER, userId: BSUID }])).toEqual([
      { waId: NUMBER },
      { userId: BSUID, waId: NUMBER },
    ]);
  });

  it('takes the later sighting’s names and ids where it has them, and keeps the others', () => {
    expect(
      mergeSightings([
        { waId: NUMBER, profileName: 'Ana', username: 'ana' },
        { waId: NUMBER, profileName: 'Ana Pérez', parentUserId: 'BR.ENT.77' },
      ]),
    ).toEqual([{ waId: NUMBER, profileName: 'Ana Pérez', username: 'ana', parentUserId: 'BR.ENT.77' }]);
  });

  it('keeps the latest inbound time, whatever the order', () => {
    expect(
      mergeSightings([{ waId: NUMBER, inboundAt: T + 5 }, { waId: NUMBER, inboundAt: T }, { waId: NUMBER }]),
    ).toEqual([{ waId: NUMBER, inboundAt: T + 5 }]);
  });

  it('never lets an older marketing choice replace a newer one', () => {
    expect(
      mergeSightings([
        { userId: BSUID, marketingOptOut: false, marketingPreferenceAt: T + 60 },
        { userId: BSUID, marketingOptOut: true, marketingPreferenceAt: T },
      ]),
    ).toEqual([{ userId: BSUID, marketingOptOut: false, marketingPreferenceAt: T + 60 }]);
    expect(
      mergeSightings([
        { userId: BSUID, marketingOptOut: true, marketingPreferenceAt: T },
        { userId: BSUID, marketingOptOut: false, marketingPreferenceAt: T },
      ]),
    ).toEqual([{ userId: BSUID, marketingOptOut: false, marketingPreferenceAt: T }]);
  });

  it('takes a choice without a time as the latest', () => {
    expect(
      mergeSightings([
        { waId: NUMBER, marketingOptOut: true, marketingPreferenceAt: T },
        { waId: NUMBER, marketingOptOut: false },
      ]),
    ).toEqual([{ waId: NUMBER, marketingOptOut: false, marketingPreferenceAt: T }]);
  });

  it('drops a sighting that names neither number nor BSUID', () => {
    expect(mergeSightings([{ profileName: 'Nobody' }, { parentUserId: 'BR.ENT.1' }])).toEqual([]);
  });

  it('leaves absent fields out rather than undefined, and does not change the sightings given', () => {
    const first: ContactSighting = { waId: NUMBER, profileName: undefined, inboundAt: T };
    const second: ContactSighting = { waId: NUMBER, username: 'ana', inboundAt: undefined };
    const [merged] = mergeSightings([first, second]);
    expect(merged).toStrictEqual({ waId: NUMBER, inboundAt: T, username: 'ana' });
    expect(Object.keys(merged ?? {})).not.toContain('profileName');
    expect(first).toStrictEqual({ waId: NUMBER, profileName: undefined, inboundAt: T });
    expect(second).toStrictEqual({ waId: NUMBER, username: 'ana', inboundAt: undefined });
  });
});
