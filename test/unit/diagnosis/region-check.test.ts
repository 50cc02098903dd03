import { checkRecipientRegion, RegionCheckKind, TURKEY_LIFTED_AT } from '../../../src/diagnosis';

const NOW = Date.UTC(2025, 2, 1);

describe('checkRecipientRegion', () => {
  it.each([
    ['+5352345678', 'CU'],
    ['+989121234567', 'IR'],
    ['+8502123456789', 'KP'],
    ['+963944567890', 'SY'],
  ])('%s is restricted by country (%s), certainly', (number, country) => {
    expect(checkRecipientRegion(number, NOW)).toMatchObject({
      restricted: true,
      country,
      region: null,
      certainty: 'certain',
      kind: RegionCheckKind.SANCTIONED_COUNTRY,
    });
  });

  it.each([
    ['+380652123456', 'UA-43'],
    ['+380692123456', 'UA-40'],
    ['+380622123456', 'UA-14'],
    ['+380642123456', 'UA-09'],
  ])('%s is a sanctioned region by area code (%s), likely', (number, region) => {
    expect(checkRecipientRegion(number, NOW)).toMatchObject({
      restricted: true,
      country: 'UA',
      region,
      certainty: 'likely',
    });
  });

  it('+7 978 is Crimea, possibly', () => {
    expect(checkRecipientRegion('+79781234567', NOW)).toMatchObject({
      restricted: true,
      region: 'UA-43',
      certainty: 'possible',
    });
  });

  it.each(['+380441234567', '+79161234567', '+16505551234', '+886912345678'])(
    '%s is not restricted',
    (number) => {
      expect(checkRecipientRegion(number, NOW)).toMatchObject({
        restricted: false,
        kind: RegionCheckKind.NOT_RESTRICTED,
        region: null,
      });
    },
  );

  it('Turkey: restricted on 2024-05-14, not from 2024-05-15 00:00 UTC', () => {
    expect(TURKEY_LIFTED_AT).toBe(Date.UTC(2024, 4, 15));
    expect(checkRecipientRegion('+905321234567', Date.UTC(2024, 4, 14, 23, 59, 59)).restricted).toBe(true);
    expect(checkRecipientRegion('+905321234567', Date.UTC(2024, 4, 15))).toMatchObject({
      restricted: false,
      country: 'TR',
      kind: RegionCheckKind.RESTRICTION_LIFTED,
      liftedAt: TURKEY_LIFTED_AT,
    });
  });

  it('accepts a number without "+" and never throws on garbage', () => {
    expect(checkRecipientRegion('5352345678', NOW).restricted).toBe(true);
    for (const junk of ['', 'abc', '+', '+0000', '++53']) {
      expect(checkRecipientRegion(junk, NOW).restricted).toBe(false);
    }
    expect(checkRecipientRegion('abc', NOW).kind).toBe(RegionCheckKind.UNPARSABLE);
  });
});
