import {
  parametersFromComponents,
  placeholdersOf,
  TemplateComponent,
  TemplateParameterKind,
} from '../../../src/templates';
import {
  authenticationCreated,
  authenticationListed,
  couponOffer,
  documentInvoice,
  locationPickup,
  namedHeaderAndBody,
  namedReservation,
  positionalOrder,
} from './meta-components';

const { HEADER, BODY, BUTTON } = TemplateComponent;

describe('the parameters a template needs, from its components', () => {
  it('reads a named body with its samples and an image header, and no value for a static URL button', () => {
    expect(parametersFromComponents(namedReservation)).toEqual([
      {
        component: HEADER,
        kind: TemplateParameterKind.IMAGE,
        example: 'https://scontent.whatsapp.net/v/t61.29466-34/sample.jpg',
      },
      { component: BODY, name: 'number_of_guests', kind: TemplateParameterKind.TEXT, example: '4' },
      { component: BODY, name: 'day', kind: TemplateParameterKind.TEXT, example: 'Saturday' },
      { component: BODY, name: 'date', kind: TemplateParameterKind.TEXT, example: 'August 30th, 2025' },
      { component: BODY, name: 'time', kind: TemplateParameterKind.TEXT, example: '7:30 pm' },
    ]);
  });

  it('reads positional header and body placeholders once each, and a URL button with a suffix', () => {
    expect(parametersFromComponents(positionalOrder)).toEqual([
      { component: HEADER, position: 1, kind: TemplateParameterKind.TEXT, example: '#1234' },
      { component: BODY, position: 1, kind: TemplateParameterKind.TEXT, example: 'Alice' },
      { component: BODY, position: 2, kind: TemplateParameterKind.TEXT, example: '#1234' },
      { component: BODY, position: 3, kind: TemplateParameterKind.TEXT, example: 'Monday' },
      {
        component: BUTTON,
        buttonIndex: 1,
        position: 1,
        kind: TemplateParameterKind.URL,
        example: 'https://shop.example.com/track/abc',
      },
    ]);
  });

  it('reads a video header and a copy-code button, its sample a plain string', () => {
    expect(parametersFromComponents(couponOffer)).toEqual([
      {
        component: HEADER,
        kind: TemplateParameterKind.VIDEO,
        example: 'https://scontent.whatsapp.net/v/video.mp4',
      },
      { component: BODY, position: 1, kind: TemplateParameterKind.TEXT, example: '10%' },
      { component: BUTTON, buttonIndex: 0, kind: TemplateParameterKind.COUPON_CODE, example: 'SAVE10' },
    ]);
  });

  it('reads the OTP button of an authentication template, as listed (a URL to the OTP page) and as created', () => {
    expect(parametersFromComponents(authenticationListed)).toEqual([
      { component: BODY, position: 1, kind: TemplateParameterKind.TEXT, example: '123456' },
      {
        component: BUTTON,
        buttonIndex: 0,
        kind: TemplateParameterKind.OTP,
        example: 'https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp123456',
      },
    ]);
    expect(parametersFromComponents(authenticationCreated)).toEqual([
      { component: BODY, position: 1, kind: TemplateParameterKind.TEXT },
      { component: BUTTON, buttonIndex: 0, kind: TemplateParameterKind.OTP },
    ]);
  });

  it('reads document and location headers; a body without placeholders needs nothing', () => {
    expect(parametersFromComponents(documentInvoice)).toEqual([
      {
        component: HEADER,
        kind: TemplateParameterKind.DOCUMENT,
        example: 'https://scontent.whatsapp.net/v/invoice.pdf',
      },
    ]);
    expect(parametersFromComponents(locationPickup)).toEqual([
      { component: HEADER, kind: TemplateParameterKind.LOCATION },
      { component: BODY, position: 1, kind: TemplateParameterKind.TEXT, example: 'PK-77' },
    ]);
  });

  it('reads a named header with its sample', () => {
    expect(parametersFromComponents(namedHeaderAndBody)).toEqual([
      { component: HEADER, name: 'first_name', kind: TemplateParameterKind.TEXT, example: 'Jessica' },
      { component: BODY, name: 'item', kind: TemplateParameterKind.TEXT, example: 'blue mug' },
    ]);
  });

  it('skips what it cannot read instead of throwing', () => {
    const odd: unknown[] = [
      null,
      'BODY',
      { type: 'BODY' },
      { type: 'BODY', text: 42 },
      { type: 'HEADER', format: 'HOLOGRAM' },
      { type: 'BUTTONS', buttons: 'none' },
      { type: 'BUTTONS', buttons: [null, { type: 'URL' }, { type: 'FLOW', flow_id: '1' }] },
      { type: 'CAROUSEL', cards: [] },
      { type: 'BODY', text: 'Hi {{1}}', example: { body_text: 'not rows' } },
    ];
    expect(parametersFromComponents(odd)).toEqual([
      { component: BODY, position: 1, kind: TemplateParameterKind.TEXT },
    ]);
  });

  it('orders positional placeholders by number, whatever order the text writes them in', () => {
    expect(placeholdersOf('{{2}} then {{1}} then {{ 3 }} and {{2}}')).toEqual([
      { position: 1 },
      { position: 2 },
      { position: 3 },
    ]);
    expect(placeholdersOf('{{b}} {{a}} {{b}}')).toEqual([{ name: 'b' }, { name: 'a' }]);
  });
});
