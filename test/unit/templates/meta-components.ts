// Component objects as Meta's template list returns them (the shapes of Meta's "Template components"
// page and of its template-management examples), for the template unit tests.

export const namedReservation: unknown[] = [
  {
    type: 'HEADER',
    format: 'IMAGE',
    example: { header_handle: ['https://scontent.whatsapp.net/v/t61.29466-34/sample.jpg'] },
  },
  {
    type: 'BODY',
    text: "*You're all set!*\n\nYour reservation for {{number_of_guests}} at Lucky Shrub Eatery on {{day}}, {{date}}, at {{time}}, is confirmed. See you then!",
    example: {
      body_text_named_params: [
        { param_name: 'number_of_guests', example: '4' },
        { param_name: 'day', example: 'Saturday' },
        { param_name: 'date', example: 'August 30th, 2025' },
        { param_name: 'time', example: '7:30 pm' },
      ],
    },
  },
  { type: 'FOOTER', text: 'Lucky Shrub Eatery: The Luckiest Eatery in Town!' },
  {
    type: 'BUTTONS',
    buttons: [
      { type: 'URL', text: 'Change reservation', url: 'https://www.luckyshrubeatery.com/reservations' },
      { type: 'PHONE_NUMBER', text: 'Call us', phone_number: '+15555551234' },
    ],
  },
];

export const positionalOrder: unknown[] = [
  { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['#1234'] } },
  {
    type: 'BODY',
    text: 'Hi {{1}}, your order {{2}} ships on {{3}}. Reply {{1}} to confirm.',
    example: { body_text: [['Alice', '#1234', 'Monday']] },
  },
  {
    type: 'BUTTONS',
    buttons: [
      { type: 'QUICK_REPLY', text: 'Stop' },
      {
        type: 'URL',
        text: 'Track',
        url: 'https://shop.example.com/track/{{1}}',
        example: ['https://shop.example.com/track/abc'],
      },
    ],
  },
];

export const couponOffer: unknown[] = [
  {
    type: 'HEADER',
    format: 'VIDEO',
    example: { header_handle: ['https://scontent.whatsapp.net/v/video.mp4'] },
  },
  { type: 'BODY', text: 'Use code at checkout for {{1}} off.', example: { body_text: [['10%']] } },
  {
    type: 'BUTTONS',
    buttons: [
      { type: 'COPY_CODE', example: 'SAVE10' },
      { type: 'URL', text: 'Shop', url: 'https://shop.example.com' },
    ],
  },
];

/** An authentication template as Meta's list reads it back: the OTP button becomes a URL to its OTP page. */
export const authenticationListed: unknown[] = [
  {
    type: 'BODY',
    text: '*{{1}}* is your verification code. For your security, do not share this code.',
    add_security_recommendation: true,
    example: { body_text: [['123456']] },
  },
  { type: 'FOOTER', text: 'This code expires in 10 minutes.', code_expiration_minutes: 10 },
  {
    type: 'BUTTONS',
    buttons: [
      {
        type: 'URL',
        text: 'Copy code',
        url: 'https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}',
        example: ['https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp123456'],
      },
    ],
  },
];

/** An authentication template as created: an `OTP` button with its `otp_type`. */
export const authenticationCreated: unknown[] = [
  { type: 'BODY', add_security_recommendation: true, text: '*{{1}}* is your verification code.' },
  {
    type: 'BUTTONS',
    buttons: [{ type: 'OTP', otp_type: 'ONE_TAP', text: 'Copy code', autofill_text: 'Autofill' }],
  },
];

export const documentInvoice: unknown[] = [
  {
    type: 'HEADER',
    format: 'DOCUMENT',
    example: { header_handle: ['https://scontent.whatsapp.net/v/invoice.pdf'] },
  },
  { type: 'BODY', text: 'Your invoice is attached.' },
];

export const locationPickup: unknown[] = [
  { type: 'HEADER', format: 'LOCATION' },
  {
    type: 'BODY',
    text: 'Your parcel {{1}} is ready at this pickup point.',
    example: { body_text: [['PK-77']] },
  },
];

export const namedHeaderAndBody: unknown[] = [
  {
    type: 'HEADER',
    format: 'TEXT',
    text: 'Hello {{first_name}}',
    example: { header_text_named_params: [{ param_name: 'first_name', example: 'Jessica' }] },
  },
  {
    type: 'BODY',
    text: 'Your {{item}} is back in stock.',
    example: { body_text_named_params: [{ param_name: 'item', example: 'blue mug' }] },
  },
];
