/** Seed, "Message not delivered": the oldest WhatsApp clients that receive Cloud API messages. */
export interface ClientVersion {
  platform: string;
  minimumVersion: string;
}

export const MINIMUM_CLIENT_VERSIONS: readonly ClientVersion[] = [
  // Seed list, in the seed's order. SMBA/SMBI are the WhatsApp Business apps on Android/iOS.
  { platform: 'Android', minimumVersion: '2.21.15.15' },
  { platform: 'SMBA', minimumVersion: '2.21.15.15' },
  { platform: 'iOS', minimumVersion: '2.21.170.4' },
  { platform: 'SMBI', minimumVersion: '2.21.170.4' },
  { platform: 'KaiOS', minimumVersion: '2.2130.10' },
  { platform: 'Web', minimumVersion: '2.2132.6' },
];

/** Seed, "Message not delivered": the link that lets an end user accept the latest Terms of Service. */
export const TERMS_OF_SERVICE_URL = 'https://wa.me/tos/20210210';
