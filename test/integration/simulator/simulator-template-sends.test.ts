import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { callGraph } from './support/graph-client';

type Component = Record<string, unknown>;

const text = (value: string, name?: string): Component => ({
  type: 'text',
  text: value,
  ...(name !== undefined && { parameter_name: name }),
});
const body = (...parameters: Component[]): Component => ({ type: 'body', parameters });
const header = (...parameters: Component[]): Component => ({ type: 'header', parameters });
const button = (subType: string, index: number, ...parameters: Component[]): Component => ({
  type: 'button',
  sub_type: subType,
  index: String(index),
  parameters,
});
const image = { type: 'image', image: { link: 'https://example.com/table.jpg' } };

describe('simulator: template sends checked against the catalogue', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startSimulator({ appSecret: 'sim-secret' });
  });
  afterAll(async () => {
    await sim.close();
  });

  const sendTemplate = (name: string, language: string, components?: Component[]) =>
    callGraph(sim.url, 'POST', `/v23.0/${sim.phoneNumberId}/messages`, {
      body: {
        messaging_product: 'whatsapp',
        to: '+12025550100',
        type: 'template',
        template: { name, language: { code: language }, ...(components !== undefined && { components }) },
      },
    });

  const accepted: [string, string, string, Component[]][] = [
    ['positional body', 'order_shipped', 'en_US', [body(text('Maria'), text('4471'))]],
    ['its translation', 'order_shipped', 'pt_BR', [body(text('Maria'), text('4471'))]],
    [
      'named parameters and an image header',
      'reservation_confirmation',
      'en_US',
      [header(image), body(text('4', 'number_of_guests'), text('Saturday', 'day'))],
    ],
    [
      'a document header',
      'invoice_ready',
      'en_US',
      [
        header({ type: 'document', document: { id: '900000000000003', filename: 'invoice.pdf' } }),
        body(text('INV-1')),
      ],
    ],
    [
      'a text header and a URL button parameter',
      'delivery_window',
      'en_US',
      [header(text('Maria')), body(text('tomorrow')), button('url', 0, text('ZX81'))],
    ],
    ['an OTP code', 'login_code', 'en_US', [body(text('482193')), button('url', 0, text('482193'))]],
    [
      'a coupon code',
      'spring_coupon',
      'en_US',
      [body(text('Maria')), button('copy_code', 0, { type: 'coupon_code', coupon_code: 'SPRING10' })],
    ],
    ['a template without parameters', 'promo', 'en_US', []],
  ];

  it.each(accepted)(
    'accepts %s, with message_status accepted',
    async (_title, name, language, components) => {
      const answer = await sendTemplate(name, language, components);
      expect(answer.status).toBe(200);
      expect(answer.body.messages).toEqual([
        { id: expect.stringMatching(/^wamid\./), message_status: 'accepted' },
      ]);
    },
  );

  const refused: [string, string, string, Component[] | undefined, number, number, string][] = [
    [
      'an unknown name',
      'no_such_template',
      'en_US',
      undefined,
      404,
      132001,
      'template name (no_such_template) does not exist in en_US',
    ],
    [
      'a language the name lacks',
      'order_shipped',
      'fr_FR',
      undefined,
      404,
      132001,
      'template name (order_shipped) does not exist in fr_FR',
    ],
    [
      'a pending template',
      'new_feature_announcement',
      'en_US',
      [],
      404,
      132001,
      'template name (new_feature_announcement) does not exist in en_US',
    ],
    [
      'a rejected template',
      'abandoned_cart',
      'en',
      [],
      404,
      132001,
      'template name (abandoned_cart) does not exist in en',
    ],
    [
      'a paused template',
      'flash_sale',
      'en_US',
      [body(text('30%'))],
      400,
      132015,
      'Template flash_sale is paused because of its low quality.',
    ],
    [
      'a disabled template',
      'winback_offer',
      'en_US',
      [body(text('Maria'))],
      400,
      132016,
      'Template winback_offer has been disabled because of its low quality.',
    ],
    [
      'a body with one parameter too few',
      'order_shipped',
      'en_US',
      [body(text('Maria'))],
      400,
      132000,
      'body: number of localizable_params (1) does not match the expected number of params (2)',
    ],
    [
      'a text header without its parameter',
      'delivery_window',
      'en_US',
      [body(text('tomorrow')), button('url', 0, text('ZX81'))],
      400,
      132000,
      'header: number of localizable_params (0) does not match the expected number of params (1)',
    ],
    [
      'a URL button without its parameter',
      'delivery_window',
      'en_US',
      [header(text('Maria')), body(text('tomorrow'))],
      400,
      132000,
      'button: number of localizable_params (0) does not match the expected number of params (1)',
    ],
    [
      'an image header without its image',
      'reservation_confirmation',
      'en_US',
      [body(text('4', 'number_of_guests'), text('Saturday', 'day'))],
      400,
      132012,
      'header: Format mismatch, expected IMAGE, received UNKNOWN',
    ],
    [
      'a document header sent an image',
      'invoice_ready',
      'en_US',
      [header(image), body(text('INV-1'))],
      400,
      132012,
      'header: Format mismatch, expected DOCUMENT, received IMAGE',
    ],
    [
      'a named template without parameter_name',
      'reservation_confirmation',
      'en_US',
      [header(image), body(text('4'), text('Saturday'))],
      400,
      100,
      'Parameter name is missing or empty',
    ],
    ...(['Line\nbreak', 'Tab\there', 'Five     spaces'].map((value) => [
      `a text parameter ${JSON.stringify(value)}`,
      'order_shipped',
      'en_US',
      [body(text('Maria'), text(value))],
      400,
      132018,
      'Param text cannot have new-line/tab characters or more than 4 consecutive spaces',
    ]) as [string, string, string, Component[], number, number, string][]),
  ];

  it.each(refused)(
    'refuses %s as Meta does',
    async (_title, name, language, components, http, code, details) => {
      const before = sim.stats.sendsRejected;
      const answer = await sendTemplate(name, language, components);
      expect(answer.status).toBe(http);
      expect(answer.body.error).toEqual({
        message: expect.stringMatching(new RegExp(`^\\(#${code}\\) `)),
        type: 'OAuthException',
        code,
        error_data: { messaging_product: 'whatsapp', details },
        is_transient: false,
        fbtrace_id: expect.stringMatching(/^[A-Za-z0-9_-]{23}$/),
      });
      expect(sim.stats.sendsRejected).toBe(before + 1);
    },
  );

  it('four spaces in a row are still allowed', async () => {
    const answer = await sendTemplate('order_shipped', 'en_US', [body(text('Maria'), text('A    B'))]);
    expect(answer.status).toBe(200);
  });
});
