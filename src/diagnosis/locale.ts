/** The languages every diagnosis text exists in. */
export enum Locale {
  EN = 'EN',
  /** Traditional Chinese as written in Taiwan. */
  ZH_TW = 'ZH_TW',
}
