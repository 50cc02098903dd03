/**
 * The oldest WhatsApp clients that receive Cloud API messages. Meta's troubleshooting page:
 * 「顧客正在使用舊的 WhatsApp 版本。顧客應使用以下版本或更新的版本:」 (the customer uses an old WhatsApp version;
 * customers should use the following versions or newer).
 */
export interface ClientVersion {
  platform: string;
  minimumVersion: string;
}

export const MINIMUM_CLIENT_VERSIONS: readonly ClientVersion[] = [
  // In the page's order. SMBA/SMBI are the WhatsApp Business apps on Android/iOS.
  { platform: 'Android', minimumVersion: '2.21.15.15' },
  { platform: 'SMBA', minimumVersion: '2.21.15.15' },
  { platform: 'iOS', minimumVersion: '2.21.170.4' },
  { platform: 'SMBI', minimumVersion: '2.21.170.4' },
  { platform: 'KaiOS', minimumVersion: '2.2130.10' },
  { platform: 'Web', minimumVersion: '2.2132.6' },
];

/**
 * The link that lets an end user accept the latest Terms of Service. Meta's troubleshooting page:
 * 「請傳送此連結 https://wa.me/tos/20210210 給您的終端用戶,以接受最新的《服務條款》。」 (send this link to your end
 * user to accept the latest Terms of Service).
 */
export const TERMS_OF_SERVICE_URL = 'https://wa.me/tos/20210210';
