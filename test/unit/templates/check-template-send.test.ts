import {
  checkTemplateSend,
  isRefused,
  marketingOptOutWarning,
  TemplateComponent,
  type TemplateProblem,
  TemplateProblemSeverity,
  TemplateQuality,
  type TemplateRecord,
  type TemplateSendFields,
  TemplateStatus,
  UnknownTemplatePolicy,
} from '../../../src/templates';
import {
  authenticationListed,
  couponOffer,
  locationPickup,
  namedHeaderAndBody,
  namedReservation,
  positionalOrder,
} from './meta-components';
import { record } from './template-fixtures';

const NOW = Date.UTC(2026, 6, 1, 13, 0, 0);
const HOUR = 3_600_000;
const { REFUSE, WARN } = TemplateProblemSeverity;

const text = (value: string) => ({ type: 'text', text: value });
const named = (name: string, value: string) => ({ type: 'text', parameter_name: name, text: value });

function check(
  template: TemplateRecord | undefined,
  components: TemplateSendFields['components'],
  unknown = UnknownTemplatePolicy.SEND,
) {
  return checkTemplateSend(
    template,
    { name: 'order_update', languageCode: 'en_US', components },
    { now: NOW, unknownTemplate: unknown },
  );
}

const codes = (problems: readonly TemplateProblem[]) =>
  problems.map((p) => [p.severity, p.code, p.component]);

const order = record({ components: positionalOrder });
const orderSend = [
  { type: 'header', parameters: [text('#77')] },
  { type: 'body', parameters: [text('Ana'), text('#77'), text('Friday')] },
  { type: 'button', sub_type: 'url', index: '1', parameters: [text('abc')] },
];

describe('the template send check', () => {
  it('finds nothing wrong with a complete send and fills the preview in', () => {
    const result = check(order, orderSend);
    expect(result.problems).toEqual([]);
    expect(result.preview).toBe('Order #77\nHi Ana, your order #77 ships on Friday. Reply Ana to confirm.');
    expect(result.renderedLength).toBe(
      'Hi Ana, your order #77 ships on Friday. Reply Ana to confirm.'.length,
    );
    expect(isRefused(result)).toBe(false);
  });

  describe('an unknown template (132001)', () => {
    it('is refused when the caller asks for the check', () => {
      const result = check(undefined, orderSend, UnknownTemplatePolicy.REFUSE);
      expect(codes(result.problems)).toEqual([[REFUSE, 132001, undefined]]);
      expect(result.problems[0]?.message).toContain('order_update');
      expect(result.preview).toBeNull();
    });

    it('is let through as today when the caller sends it', () => {
      expect(check(undefined, orderSend, UnknownTemplatePolicy.SEND)).toEqual({
        problems: [],
        preview: null,
        renderedLength: 0,
      });
    });
  });

  describe('parameter counts per component (132000)', () => {
    it("refuses a body with one parameter too few, in Meta's words", () => {
      const send = [orderSend[0], { type: 'body', parameters: [text('Ana'), text('#77')] }, orderSend[2]];
      const result = check(order, send);
      expect(codes(result.problems)).toEqual([[REFUSE, 132000, TemplateComponent.BODY]]);
      expect(result.problems[0]?.message).toBe(
        'body: number of parameters (2) does not match the expected number of params (3).',
      );
    });

    it('refuses a missing header component, and a header parameter the template has no place for', () => {
      expect(codes(check(order, orderSend.slice(1)).problems)).toEqual([
        [REFUSE, 132000, TemplateComponent.HEADER],
      ]);
      const plain = record({ components: [{ type: 'BODY', text: 'Hello' }] });
      expect(codes(check(plain, [{ type: 'header', parameters: [text('x')] }]).problems)).toEqual([
        [REFUSE, 132000, TemplateComponent.HEADER],
      ]);
    });

    it('preview keeps the placeholders a short send leaves empty', () => {
      expect(check(order, [orderSend[0], { type: 'body', parameters: [text('Ana')] }]).preview).toBe(
        'Order #77\nHi Ana, your order {{2}} ships on {{3}}. Reply Ana to confirm.',
      );
    });
  });

  describe('media headers (132012)', () => {
    const coupon = record({ components: couponOffer, category: 'MARKETING' });
    const body = { type: 'body', parameters: [text('10%')] };
    const copy = {
      type: 'button',
      sub_type: 'copy_code',
      index: 0,
      parameters: [{ type: 'coupon_code', coupon_code: 'SAVE10' }],
    };

    it('accepts the video the header wants', () => {
      const header = {
        type: 'header',
        parameters: [{ type: 'video', video: { link: 'https://cdn.example.com/a.mp4' } }],
      };
      expect(check(coupon, [header, body, copy]).problems).toEqual([]);
    });

    it('refuses a send without the header, as Meta words it', () => {
      const result = check(coupon, [body, copy]);
      expect(codes(result.problems)).toEqual([[REFUSE, 132012, TemplateComponent.HEADER]]);
      expect(result.problems[0]?.message).toBe('header: Format mismatch, expected VIDEO, received UNKNOWN.');
    });

    it('refuses an image where a video belongs', () => {
      const header = { type: 'header', parameters: [{ type: 'image', image: { id: '123' } }] };
      expect(check(coupon, [header, body, copy]).problems[0]?.message).toBe(
        'header: Format mismatch, expected VIDEO, received IMAGE.',
      );
    });

    it('refuses a medium with neither link nor id, and a location without coordinates (131008)', () => {
      const header = { type: 'header', parameters: [{ type: 'video', video: { caption: 'x' } }] };
      expect(codes(check(coupon, [header, body, copy]).problems)).toEqual([
        [REFUSE, 131008, TemplateComponent.HEADER],
      ]);
      const pickup = record({ components: locationPickup });
      const pickupBody = { type: 'body', parameters: [text('PK-1')] };
      const noCoordinates = {
        type: 'header',
        parameters: [{ type: 'location', location: { name: 'Depot' } }],
      };
      expect(codes(check(pickup, [noCoordinates, pickupBody]).problems)).toEqual([
        [REFUSE, 131008, TemplateComponent.HEADER],
      ]);
      const located = {
        type: 'header',
        parameters: [{ type: 'location', location: { latitude: 25.03, longitude: 121.56 } }],
      };
      expect(check(pickup, [located, pickupBody]).problems).toEqual([]);
    });
  });

  describe('named templates (100)', () => {
    const reservation = record({ components: namedReservation, parameterFormat: 'NAMED' });
    const header = {
      type: 'header',
      parameters: [{ type: 'image', image: { link: 'https://cdn.example.com/t.jpg' } }],
    };

    it('accepts every parameter by name, in any order, and fills each in by name', () => {
      const body = {
        type: 'body',
        parameters: [
          named('time', '8 pm'),
          named('day', 'Sunday'),
          named('number_of_guests', '2'),
          named('date', 'May 3'),
        ],
      };
      const result = check(reservation, [header, body]);
      expect(result.problems).toEqual([]);
      expect(result.preview).toContain(
        'Your reservation for 2 at Lucky Shrub Eatery on Sunday, May 3, at 8 pm, is confirmed.',
      );
    });

    it('refuses text parameters without parameter_name', () => {
      const body = { type: 'body', parameters: [text('2'), text('Sunday'), text('May 3'), text('8 pm')] };
      const result = check(reservation, [header, body]);
      expect(codes(result.problems)).toEqual([[REFUSE, 100, TemplateComponent.BODY]]);
      expect(result.problems[0]?.message).toContain('4 parameter(s) without parameter_name');
    });

    it('refuses a name the template does not have', () => {
      const body = {
        type: 'body',
        parameters: [
          named('guests', '2'),
          named('day', 'Sunday'),
          named('date', 'May 3'),
          named('time', '8 pm'),
        ],
      };
      const result = check(reservation, [header, body]);
      expect(codes(result.problems)).toEqual([[REFUSE, 100, TemplateComponent.BODY]]);
      expect(result.problems[0]?.message).toBe('body: the template has no parameter guests.');
    });

    it('checks a named header as well as the body', () => {
      const stock = record({ components: namedHeaderAndBody, parameterFormat: 'NAMED' });
      const result = check(stock, [
        { type: 'header', parameters: [text('Jessica')] },
        { type: 'body', parameters: [named('item', 'blue mug')] },
      ]);
      expect(codes(result.problems)).toEqual([[REFUSE, 100, TemplateComponent.HEADER]]);
    });
  });

  describe('text parameters Meta refuses (132018)', () => {
    it.each([
      ['a new line', 'Ana\nMaria'],
      ['a tab', 'Ana\tMaria'],
      ['five spaces in a row', 'Ana     Maria'],
    ])('refuses %s', (_what, value) => {
      const body = { type: 'body', parameters: [text(value), text('#77'), text('Friday')] };
      const result = check(order, [orderSend[0], body, orderSend[2]]);
      expect(codes(result.problems)).toEqual([[REFUSE, 132018, TemplateComponent.BODY]]);
      expect(result.problems[0]?.message).toContain('{{1}}');
    });

    it('accepts four spaces in a row', () => {
      const body = { type: 'body', parameters: [text('Ana    Maria'), text('#77'), text('Friday')] };
      expect(check(order, [orderSend[0], body, orderSend[2]]).problems).toEqual([]);
    });
  });

  describe('missing required parameters (131008)', () => {
    it('refuses a send without the URL button suffix', () => {
      const result = check(order, orderSend.slice(0, 2));
      expect(result.problems).toEqual([
        expect.objectContaining({
          severity: REFUSE,
          code: 131008,
          component: TemplateComponent.BUTTON,
          buttonIndex: 1,
        }),
      ]);
      expect(result.problems[0]?.message).toContain('the URL suffix');
    });

    it('refuses a text parameter with no text, and a currency without its fallback value', () => {
      const body = {
        type: 'body',
        parameters: [text(''), { type: 'currency', currency: { code: 'USD', amount_1000: 1 } }, text('x')],
      };
      expect(codes(check(order, [orderSend[0], body, orderSend[2]]).problems)).toEqual([
        [REFUSE, 131008, TemplateComponent.BODY],
        [REFUSE, 131008, TemplateComponent.BODY],
      ]);
    });

    it('refuses an authentication send without the code on its OTP button, and accepts it with one', () => {
      const otp = record({ components: authenticationListed, category: 'AUTHENTICATION' });
      const body = { type: 'body', parameters: [text('482913')] };
      expect(check(otp, [body]).problems[0]?.message).toContain('the one-time password');
      const button = { type: 'button', sub_type: 'url', index: 0, parameters: [text('482913')] };
      expect(check(otp, [body, button]).problems).toEqual([]);
    });

    it('refuses a copy-code button without the coupon code', () => {
      const coupon = record({ components: couponOffer });
      const header = { type: 'header', parameters: [{ type: 'video', video: { id: '9' } }] };
      const copy = { type: 'button', sub_type: 'copy_code', index: 0, parameters: [{ type: 'coupon_code' }] };
      expect(
        codes(check(coupon, [header, { type: 'body', parameters: [text('5%')] }, copy]).problems),
      ).toEqual([[REFUSE, 131008, TemplateComponent.BUTTON]]);
    });
  });

  describe('status', () => {
    it('refuses a paused template and says when it can be sent again (132015)', () => {
      const until = NOW + 2 * HOUR;
      const result = check(
        record({ components: positionalOrder, status: 'PAUSED' }, { pausedUntil: until }),
        orderSend,
      );
      expect(result.problems).toEqual([
        expect.objectContaining({ severity: REFUSE, code: 132015, sendableAgainAt: until }),
      ]);
      expect(result.problems[0]?.message).toContain(new Date(until).toISOString());
    });

    it('refuses a paused template whose pause start is unknown', () => {
      const result = check(record({ components: positionalOrder, status: 'PAUSED' }), orderSend);
      expect(codes(result.problems)).toEqual([[REFUSE, 132015, undefined]]);
    });

    it("only warns once the pause should have ended, Meta's approval not yet arrived", () => {
      const paused = record({ components: positionalOrder, status: 'PAUSED' }, { pausedUntil: NOW - 1 });
      expect(codes(check(paused, orderSend).problems)).toEqual([[WARN, 132015, undefined]]);
    });

    it('refuses a disabled template (132016)', () => {
      expect(
        codes(check(record({ components: positionalOrder, status: 'DISABLED' }), orderSend).problems),
      ).toEqual([[REFUSE, 132016, undefined]]);
    });

    it.each(['PENDING', 'REJECTED', 'DELETED', 'ARCHIVED'])(
      'refuses a %s template as not approved (132001)',
      (status) => {
        expect(codes(check(record({ components: positionalOrder, status }), orderSend).problems)).toEqual([
          [REFUSE, 132001, undefined],
        ]);
      },
    );

    it('only warns about a status the gateway does not know', () => {
      const odd = record({ components: positionalOrder, status: 'UNDER_REVIEW_V2' });
      expect(odd.status).toBe(TemplateStatus.UNKNOWN);
      expect(codes(check(odd, orderSend).problems)).toEqual([[WARN, 132001, undefined]]);
    });

    it('reports the parameter problems of a refused template too', () => {
      const disabled = record({ components: positionalOrder, status: 'DISABLED' });
      expect(codes(check(disabled, orderSend.slice(1, 2)).problems).map((c) => c[1])).toEqual([
        132016, 132000, 131008,
      ]);
    });
  });

  describe('warnings', () => {
    it('warns about a body longer than 1,024 characters once filled in (132005)', () => {
      const long = 'x'.repeat(1_000);
      const body = { type: 'body', parameters: [text(long), text('#77'), text('Friday')] };
      const result = check(order, [orderSend[0], body, orderSend[2]]);
      expect(codes(result.problems)).toEqual([[WARN, 132005, TemplateComponent.BODY]]);
      expect(result.renderedLength).toBeGreaterThan(1_024);
    });

    it('warns about a header longer than 60 characters once filled in', () => {
      const header = { type: 'header', parameters: [text('#'.repeat(60))] };
      expect(codes(check(order, [header, orderSend[1], orderSend[2]]).problems)).toEqual([
        [WARN, 132005, TemplateComponent.HEADER],
      ]);
    });

    it('warns about YELLOW and RED quality, RED saying what the next pause does', () => {
      const yellow = record({ components: positionalOrder, qualityScore: 'YELLOW' });
      expect(codes(check(yellow, orderSend).problems)).toEqual([[WARN, null, undefined]]);
      const red = record({ components: positionalOrder, qualityScore: 'RED' });
      expect(red.quality).toBe(TemplateQuality.RED);
      expect(check(red, orderSend).problems[0]?.message).toContain('a pause of 3 hours may follow');
      expect(check({ ...red, pauseCount: 1 }, orderSend).problems[0]?.message).toContain(
        'a pause of 6 hours',
      );
      expect(check({ ...red, pauseCount: 2 }, orderSend).problems[0]?.message).toContain(
        'one more pause disables it',
      );
    });

    it('leaves the marketing opt-out to the caller, who adds its warning for marketing templates only', () => {
      expect(marketingOptOutWarning(record({ components: [], category: 'MARKETING' }))).toEqual(
        expect.objectContaining({ severity: WARN, code: 131050 }),
      );
      expect(marketingOptOutWarning(record({ components: [], category: 'UTILITY' }))).toBeUndefined();
    });
  });

  it('never throws on a send whose components are odd', () => {
    const odd = [
      { type: 'body', parameters: 'x' },
      { type: 'button', index: 'first' },
      {},
      { type: 'body', parameters: [null, 3] },
    ];
    expect(() => check(order, odd as TemplateSendFields['components'])).not.toThrow();
    expect(check(order, odd as TemplateSendFields['components']).problems.length).toBeGreaterThan(0);
  });
});
