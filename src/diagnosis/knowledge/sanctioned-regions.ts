/**
 * Where the platform does not work. Meta's troubleshooting page, country restrictions: businesses in, and
 * WhatsApp users in, 「古巴、伊朗、北韓、敘利亞和烏克蘭三個受制裁地區(克里米亞、頓涅茨克、盧甘斯克)」 (Cuba, Iran,
 * North Korea, Syria and the three sanctioned regions of Ukraine: Crimea, Donetsk, Luhansk) are not
 * eligible; 「自 2024 年 5 月 15 日起,土耳其不再受到雲端 API 商務式訊息傳送功能的限制。」 (since 15 May 2024 Turkey
 * is no longer restricted). Countries are recognised by libphonenumber-js; regions only by area code,
 * which is approximate (see `certainty`).
 */

/** How sure a match is: a country from its calling code is certain; an area code only likely; a mobile range possible. */
export type RegionCertainty = 'certain' | 'likely' | 'possible';

/** The place names the texts know (`place.<id>`). */
export enum PlaceId {
  CU = 'CU',
  IR = 'IR',
  KP = 'KP',
  SY = 'SY',
  TR = 'TR',
  CRIMEA = 'CRIMEA',
  SEVASTOPOL = 'SEVASTOPOL',
  DONETSK = 'DONETSK',
  LUHANSK = 'LUHANSK',
}

/** A restriction in force from `from` (inclusive) until `until` (exclusive), epoch ms; absent = unbounded. */
export interface EffectivePeriod {
  from?: number;
  until?: number;
}

export interface SanctionedCountry extends EffectivePeriod {
  /** ISO 3166-1 alpha-2, as libphonenumber-js reports it. */
  country: string;
  place: PlaceId;
}

export interface SanctionedRegion extends EffectivePeriod {
  /** The country calling code, without `+`. */
  callingCode: string;
  /** The start of the national significant number (area code or mobile range). */
  nationalPrefix: string;
  /** The country the region is in (ISO 3166-1). */
  country: string;
  /** ISO 3166-2 code of the region. */
  region: string;
  place: PlaceId;
  certainty: Exclude<RegionCertainty, 'certain'>;
}

/** 2024-05-15T00:00:00Z: Turkey is no longer restricted from this date (Meta's troubleshooting page). */
export const TURKEY_LIFTED_AT = Date.UTC(2024, 4, 15);

export const SANCTIONED_COUNTRIES: readonly SanctionedCountry[] = [
  // Cuba (+53).
  { country: 'CU', place: PlaceId.CU },
  // Iran (+98).
  { country: 'IR', place: PlaceId.IR },
  // North Korea (+850).
  { country: 'KP', place: PlaceId.KP },
  // Syria (+963).
  { country: 'SY', place: PlaceId.SY },
  // Turkey (+90) was restricted for business-initiated Cloud API messages until 2024-05-15 and is not since.
  { country: 'TR', place: PlaceId.TR, until: TURKEY_LIFTED_AT },
];

export const SANCTIONED_REGIONS: readonly SanctionedRegion[] = [
  // Ukrainian area code 65 is the Autonomous Republic of Crimea.
  // 'likely': the area code says where the line was issued, not where its user is today.
  {
    callingCode: '380',
    nationalPrefix: '65',
    country: 'UA',
    region: 'UA-43',
    place: PlaceId.CRIMEA,
    certainty: 'likely',
  },
  // Ukrainian area code 69 is Sevastopol (in Crimea).
  {
    callingCode: '380',
    nationalPrefix: '69',
    country: 'UA',
    region: 'UA-40',
    place: PlaceId.SEVASTOPOL,
    certainty: 'likely',
  },
  // Ukrainian area code 62 is the Donetsk region.
  {
    callingCode: '380',
    nationalPrefix: '62',
    country: 'UA',
    region: 'UA-14',
    place: PlaceId.DONETSK,
    certainty: 'likely',
  },
  // Ukrainian area code 64 is the Luhansk region.
  {
    callingCode: '380',
    nationalPrefix: '64',
    country: 'UA',
    region: 'UA-09',
    place: PlaceId.LUHANSK,
    certainty: 'likely',
  },
  // +7 978 is the mobile range Russian operators issue in Crimea.
  // 'possible': the range cannot be told apart from other Russian numbers with certainty.
  {
    callingCode: '7',
    nationalPrefix: '978',
    country: 'UA',
    region: 'UA-43',
    place: PlaceId.CRIMEA,
    certainty: 'possible',
  },
];
