import type { WireTemplate, WireTemplateComponent } from './template-wire-types';

/*
 * The business account's seed catalogue: one template for every shape and state a gateway has to
 * handle (positional and named parameters, media and text headers, URL and code buttons, every status
 * a send can meet, poor quality, a translation), then filler templates so that a full read pages
 * several times at Meta's default page size of 25.
 */

/** The ids of the seed templates, so tests and docs can name them. */
export enum SimulatorTemplateId {
  ORDER_UPDATE = '1689556908120001',
  ORDER_SHIPPED_EN = '1689556908120002',
  ORDER_SHIPPED_PT = '1689556908120003',
  RESERVATION_CONFIRMATION = '1689556908120004',
  INVOICE_READY = '1689556908120005',
  DELIVERY_WINDOW = '1689556908120006',
  LOGIN_CODE = '1689556908120007',
  SPRING_COUPON = '1689556908120008',
  PROMO = '1689556908120009',
  FLASH_SALE = '1689556908120010',
  WINBACK_OFFER = '1689556908120011',
  NEW_FEATURE_ANNOUNCEMENT = '1689556908120012',
  ABANDONED_CART = '1689556908120013',
}

/** Filler ids continue after the seed ones; created templates after the fillers. */
export const FIRST_FILLER_ID = 1689556908130000;

/** Default size of the catalogue: seeds plus fillers, a bit over two pages of 25. */
export const DEFAULT_TEMPLATE_COUNT = 60;

/** Meta's per-account maximum; creating past it fails with 2388019. */
export const TEMPLATE_LIMIT = 6000;

/** A fixed quality date (2025-06-30), so answers are the same from one run to the next. */
const QUALITY_DATE = 1751247548;

/** An expiring `scontent` sample, as Meta gives for media headers (never valid as send media). */
const SAMPLE_HANDLE = 'https://scontent.whatsapp.net/v/t61.29466-34/simulated-sample.jpg?ccb=1-7&oe=6891A2B3';

const body = (text: string, ...samples: string[]): WireTemplateComponent => ({
  type: 'BODY',
  text,
  ...(samples.length > 0 && { example: { body_text: [samples] } }),
});

function seed(
  id: SimulatorTemplateId,
  fields: Omit<WireTemplate, 'id' | 'quality_score' | 'parameter_format'> &
    Partial<Pick<WireTemplate, 'quality_score' | 'parameter_format'>>,
): WireTemplate {
  return {
    id,
    parameter_format: 'POSITIONAL',
    quality_score: { score: 'GREEN', date: QUALITY_DATE },
    ...fields,
  };
}

const orderShipped = (id: SimulatorTemplateId, language: string, text: string): WireTemplate =>
  seed(id, {
    name: 'order_shipped',
    language,
    status: 'APPROVED',
    category: 'UTILITY',
    components: [body(text, 'Maria', '4471')],
  });

export const SEED_TEMPLATES: readonly WireTemplate[] = Object.freeze([
  seed(SimulatorTemplateId.ORDER_UPDATE, {
    name: 'order_update',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    components: [body('Your order {{1}} has been updated.', '4471')],
  }),
  orderShipped(SimulatorTemplateId.ORDER_SHIPPED_EN, 'en_US', 'Hi {{1}}, your order {{2}} has shipped.'),
  orderShipped(SimulatorTemplateId.ORDER_SHIPPED_PT, 'pt_BR', 'Olá {{1}}, seu pedido {{2}} foi enviado.'),
  seed(SimulatorTemplateId.RESERVATION_CONFIRMATION, {
    name: 'reservation_confirmation',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    parameter_format: 'NAMED',
    components: [
      { type: 'HEADER', format: 'IMAGE', example: { header_handle: [SAMPLE_HANDLE] } },
      {
        type: 'BODY',
        text: "*You're all set!*\n\nYour reservation for {{number_of_guests}} at Lucky Shrub Eatery on {{day}} is confirmed. See you then!",
        example: {
          body_text_named_params: [
            { param_name: 'number_of_guests', example: '4' },
            { param_name: 'day', example: 'Saturday' },
          ],
        },
      },
    ],
  }),
  seed(SimulatorTemplateId.INVOICE_READY, {
    name: 'invoice_ready',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    components: [
      { type: 'HEADER', format: 'DOCUMENT', example: { header_handle: [SAMPLE_HANDLE] } },
      body('Your invoice {{1}} is attached.', 'INV-2031'),
      { type: 'FOOTER', text: 'Thank you for your business' },
    ],
  }),
  seed(SimulatorTemplateId.DELIVERY_WINDOW, {
    name: 'delivery_window',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    quality_score: { score: 'YELLOW', date: QUALITY_DATE },
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Delivery for {{1}}', example: { header_text: ['Maria'] } },
      body('Your parcel arrives {{1}}.', 'tomorrow between 9 and 11'),
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'URL', text: 'Track it', url: 'https://example.com/track/{{1}}', example: ['ZX81'] },
        ],
      },
    ],
  }),
  seed(SimulatorTemplateId.LOGIN_CODE, {
    name: 'login_code',
    language: 'en_US',
    status: 'APPROVED',
    category: 'AUTHENTICATION',
    components: [
      {
        type: 'BODY',
        text: '*{{1}}* is your verification code. For your security, do not share this code.',
        add_security_recommendation: true,
        example: { body_text: [['123456']] },
      },
      { type: 'FOOTER', code_expiration_minutes: 10 },
      { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Copy code' }] },
    ],
  }),
  seed(SimulatorTemplateId.SPRING_COUPON, {
    name: 'spring_coupon',
    language: 'en_US',
    status: 'APPROVED',
    category: 'MARKETING',
    components: [
      body('Spring is here, {{1}}! Use the code below for 10% off.', 'Maria'),
      {
        type: 'BUTTONS',
        buttons: [
          { type: 'COPY_CODE', example: 'SPRING10' },
          { type: 'QUICK_REPLY', text: 'Stop promotions' },
        ],
      },
    ],
  }),
  seed(SimulatorTemplateId.PROMO, {
    name: 'promo',
    language: 'en_US',
    status: 'APPROVED',
    category: 'MARKETING',
    components: [body('Our summer collection is out. Take a look!')],
  }),
  seed(SimulatorTemplateId.FLASH_SALE, {
    name: 'flash_sale',
    language: 'en_US',
    status: 'PAUSED',
    category: 'MARKETING',
    quality_score: { score: 'RED', date: QUALITY_DATE },
    components: [body('Flash sale: {{1}} off everything today only.', '30%')],
  }),
  seed(SimulatorTemplateId.WINBACK_OFFER, {
    name: 'winback_offer',
    language: 'en_US',
    status: 'DISABLED',
    category: 'MARKETING',
    quality_score: { score: 'RED', date: QUALITY_DATE },
    components: [body('We miss you, {{1}}. Come back for a treat.', 'Maria')],
  }),
  seed(SimulatorTemplateId.NEW_FEATURE_ANNOUNCEMENT, {
    name: 'new_feature_announcement',
    language: 'en_US',
    status: 'PENDING',
    category: 'MARKETING',
    quality_score: { score: 'UNKNOWN', date: QUALITY_DATE },
    components: [body('Something new is waiting for you in the app.')],
  }),
  seed(SimulatorTemplateId.ABANDONED_CART, {
    name: 'abandoned_cart',
    language: 'en',
    status: 'REJECTED',
    category: 'MARKETING',
    rejected_reason: 'INVALID_FORMAT',
    quality_score: { score: 'UNKNOWN', date: QUALITY_DATE },
    components: [body('{{1}}{{2}} is still in your cart.', 'Blue', 'shoes')],
  }),
]);

/** The `index`-th filler (from 0): an approved positional utility template with one parameter. */
export function fillerTemplate(index: number): WireTemplate {
  const number = String(index + 1).padStart(4, '0');
  return {
    id: String(FIRST_FILLER_ID + index),
    name: `account_notice_${number}`,
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    parameter_format: 'POSITIONAL',
    components: [body(`Account notice ${number}: {{1}}`, 'your statement is ready')],
    quality_score: { score: 'GREEN', date: QUALITY_DATE },
  };
}
