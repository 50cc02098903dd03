import { DiagnosisCause as C, type Evidence, Verdict as V } from '../../../../src/diagnosis';
import { Strength } from '../../../../src/diagnosis/finding';
import { sendErrorRule } from '../../../../src/diagnosis/rules';
import { expectRuleFindings, factIds, failedMessage, onlyFinding, rejectedSend } from '../diagnosis-harness';

/*
 * Meta's troubleshooting page: 「在某些狀況下,API 將傳回錯誤代碼」 (in some cases the API returns an error code),
 * with 「無效的要求參數」 (invalid request parameters) and 「整合錯誤」 (integration errors) among its examples.
 */

const expectFindings = (evidence: Partial<Evidence>) => expectRuleFindings(sendErrorRule, evidence);
const finding = (evidence: Partial<Evidence>) => onlyFinding(sendErrorRule, evidence);

describe('send-error rule', () => {
  it('explains a refused send through the catalogue, with the details, HTTP status and trace id', () => {
    const sendError = rejectedSend(131009, {
      title: 'Parameter value is not valid',
      details: 'Parameter value is not valid: to',
      fbtraceId: 'Az8or2yhqkZfEZ',
    });
    const params = {
      code: 131009,
      codeTitle: 'Parameter value is not valid',
      details: 'Parameter value is not valid: to',
    };
    expectFindings({ sendError }).toEqual([
      {
        rule: 'send-error',
        cause: C.INVALID_REQUEST,
        verdict: V.FAILED,
        strength: Strength.ERROR_CODE,
        code: 131009,
        retryable: false,
        retryAfterSeconds: null,
        params,
        facts: [
          { id: 'fact.errorCode', params },
          { id: 'fact.errorDetails', params },
          { id: 'fact.sendRejected', params: { httpStatus: 400 } },
          { id: 'fact.fbtrace', params: { fbtraceId: 'Az8or2yhqkZfEZ' } },
        ],
      },
    ]);
  });

  it('tells Meta’s side from the request’s at HTTP 500', () => {
    expect(factIds(finding({ sendError: rejectedSend(131000, { httpStatus: 499 }) }))).toContain(
      'fact.sendRejected',
    );
    expect(factIds(finding({ sendError: rejectedSend(131000, { httpStatus: 500 }) }))).toContain(
      'fact.httpServerError',
    );
  });

  it('blames Meta for a code outside the catalogue only with a 5xx', () => {
    expect(finding({ sendError: rejectedSend(987654, { httpStatus: 502 }) })).toMatchObject({
      cause: C.SERVICE_DOWNTIME,
      retryable: true,
      retryAfterSeconds: 60,
    });
    expect(finding({ sendError: rejectedSend(987654, { httpStatus: 400 }) })).toMatchObject({
      cause: C.UNKNOWN,
      retryable: false,
      retryAfterSeconds: null,
    });
    const withoutStatus = finding({ sendError: { code: 987654, message: 'odd' } });
    expect(withoutStatus.cause).toBe(C.UNKNOWN);
    expect(factIds(withoutStatus)).toEqual(['fact.errorCode']);
  });

  it('titles the code by Meta’s title, else its message, else the catalogue', () => {
    const titled = (extra: Parameters<typeof rejectedSend>[1]) =>
      finding({ sendError: rejectedSend(131026, extra) }).params?.['codeTitle'];
    expect(titled({ title: 'The title', message: 'The message' })).toBe('The title');
    expect(titled({ message: 'The message' })).toBe('The message');
    expect(titled({ message: '' })).toBe('Message undeliverable');
  });

  it('explains the token subcodes of 190 and names any other subcode', () => {
    expect(factIds(finding({ sendError: rejectedSend(190, { subcode: 463, httpStatus: 401 }) }))).toContain(
      'fact.subcode.463',
    );
    expect(finding({ sendError: rejectedSend(100, { subcode: 2494010 }) }).facts).toContainEqual({
      id: 'fact.subcode.other',
      params: { subcode: 2494010 },
    });
  });

  it('places a code inside a range entry, naming the range’s end (200–299)', () => {
    expect(finding({ sendError: rejectedSend(250, { httpStatus: 403 }) })).toMatchObject({
      cause: C.PERMISSION_MISSING,
      code: 250,
      params: { rangeEnd: 299 },
    });
  });

  it('finds nothing without a refused send: a failed status is the status rule’s', () => {
    expectFindings({}).toEqual([]);
    expectFindings({ message: failedMessage([{ code: 131026 }]) }).toEqual([]);
  });
});
