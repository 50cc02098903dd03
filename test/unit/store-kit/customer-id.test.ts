import { customerIdProblem, MAX_CUSTOMER_ID_LENGTH, normaliseCustomerId } from '../../../src/store-kit';

describe('normaliseCustomerId', () => {
  it.each<[string, string, string]>([
    ['a number with a `+`', '+886912345678', '+886912345678'],
    ['a number without one', '886912345678', '+886912345678'],
    ['a number as people write it', ' +886 (912) 345-678 ', '+886912345678'],
    ['a short test number', '12345', '+12345'],
    ['a BSUID', 'US.13491208655302741918', 'US.13491208655302741918'],
    ['a parent BSUID', 'US.ENT.11815799212886844830', 'US.ENT.11815799212886844830'],
    [
      'the id of a sender whose WhatsApp id is a placeholder',
      '+<WHATSAPP_USER_PHONE_NUMBER>',
      '+<WHATSAPP_USER_PHONE_NUMBER>',
    ],
    ['the id of a sender whose WhatsApp id has letters', '+tester01a', '+tester01a'],
    ['a user id of no BSUID shape', 'uUS.13491208655302741918', 'uUS.13491208655302741918'],
  ])('keys %s as the stores do', (_name, given, key) => {
    expect(normaliseCustomerId(given)).toBe(key);
  });
});

describe('customerIdProblem', () => {
  it.each<[string, string]>([
    ['a written number', '+886 912-345-678'],
    ['a short test number', '12345'],
    ['a BSUID', 'US.13491208655302741918'],
    ['a placeholder sender’s id', '+<WHATSAPP_USER_PHONE_NUMBER>'],
    ['a placeholder user id', '<BSUID>'],
    ['a user id of no BSUID shape', 'uUS.13491208655302741918'],
    ['an id of the longest length taken', `+${'9'.repeat(MAX_CUSTOMER_ID_LENGTH - 1)}`],
  ])('takes %s', (_name, value) => {
    expect(customerIdProblem(value)).toBeNull();
  });

  it.each<[string, string, string]>([
    ['empty', '', 'is empty'],
    ['blank', '  \t ', 'is empty'],
    [
      'overlong',
      `+${'9'.repeat(MAX_CUSTOMER_ID_LENGTH)}`,
      `is longer than ${MAX_CUSTOMER_ID_LENGTH} characters`,
    ],
    ['a lone plus', '+', 'has no letter or digit'],
    ['brackets only', '<>', 'has no letter or digit'],
    ['a sentence', 'not a customer', 'has spaces or control characters'],
    ['a control character', 'tester\u000001a', 'has spaces or control characters'],
  ])('refuses %s', (_name, value, problem) => {
    expect(customerIdProblem(value)).toBe(problem);
  });
});
