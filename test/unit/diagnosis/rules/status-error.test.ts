import { DiagnosisCause as C, type Evidence, Verdict as V } from '../../../../src/diagnosis';
import { Strength } from '../../../../src/diagnosis/finding';
import { statusErrorRule } from '../../../../src/diagnosis/rules';
import { expectRuleFindings, failedMessage, HOUR, message, NOW } from '../diagnosis-harness';

/*
 * Meta's troubleshooting page: 「在某些狀況下,API 將傳回錯誤代碼」 (in some cases the API returns an error code).
 * After the send, the codes come on a `failed` status webhook.
 */

const expectFindings = (evidence: Partial<Evidence>) => expectRuleFindings(statusErrorRule, evidence);
const expectNothing = (evidence: Partial<Evidence>) => expectFindings(evidence).toEqual([]);

describe('status-error rule', () => {
  it('explains the error of a failed status through the catalogue, with Meta’s title and details', () => {
    const failed = failedMessage([
      { code: 131026, title: 'Message undeliverable', details: 'Not on WhatsApp' },
    ]);
    const params = { code: 131026, codeTitle: 'Message undeliverable', details: 'Not on WhatsApp' };
    expectFindings({ message: failed }).toEqual([
      {
        rule: 'status-error',
        cause: C.RECIPIENT_UNREACHABLE,
        verdict: V.FAILED,
        strength: Strength.ERROR_CODE,
        code: 131026,
        retryable: false,
        retryAfterSeconds: null,
        params,
        facts: [
          { id: 'fact.errorCode', params },
          { id: 'fact.errorDetails', params },
        ],
      },
    ]);
  });

  it('takes the retry advice from the catalogue (code 2: wait five minutes)', () => {
    expectFindings({ message: failedMessage([{ code: 2 }]) }).toMatchObject([
      { cause: C.SERVICE_DOWNTIME, retryable: true, retryAfterSeconds: 300 },
    ]);
  });

  it('makes one finding per error, in Meta’s order', () => {
    const twice = failedMessage([{ code: 131049 }, { code: 131026 }]);
    expectFindings({ message: twice }).toMatchObject([{ code: 131049 }, { code: 131026 }]);
  });

  it('counts an error once when both the record and the history carry it, but keeps other details apart', () => {
    // `failedMessage` puts the errors in `message.errors` and in the failed history entry alike.
    expectFindings({ message: failedMessage([{ code: 131026 }]) }).toHaveLength(1);
    const two = failedMessage([
      { code: 131000, details: 'first' },
      { code: 131000, details: 'second' },
    ]);
    expectFindings({ message: two }).toHaveLength(2);
  });

  it('titles the code by Meta’s message when there is no title, else by the catalogue', () => {
    expectFindings({ message: failedMessage([{ code: 131026, message: 'From the message' }]) }).toMatchObject(
      [{ params: { codeTitle: 'From the message' } }],
    );
    expectFindings({ message: failedMessage([{ code: 131026 }]) }).toMatchObject([
      { params: { codeTitle: 'Message undeliverable' } },
    ]);
  });

  it('keeps a code outside the catalogue UNKNOWN: a status has no HTTP status to blame Meta by', () => {
    expectFindings({ message: failedMessage([{ code: 999999, title: 'New' }]) }).toMatchObject([
      { cause: C.UNKNOWN, code: 999999, retryable: false, retryAfterSeconds: null },
    ]);
  });

  it('reports a failed status without any error as unexplained', () => {
    expectFindings({ message: message([{ status: 'FAILED', at: NOW - HOUR }]) }).toEqual([
      {
        rule: 'status-error',
        cause: C.UNKNOWN,
        verdict: V.FAILED,
        strength: Strength.STATUS,
        retryable: false,
        retryAfterSeconds: null,
        facts: [{ id: 'fact.failedNoError' }],
      },
    ]);
  });

  it('finds nothing without a failure: a warning’s errors are not failures', () => {
    expectNothing({});
    expectNothing({ message: message([{ status: 'DELIVERED', at: NOW - HOUR }]) });
    const warned = message([{ status: 'WARNING', at: NOW - HOUR, errors: [{ code: 131060 }] }], {
      errors: [],
    });
    expectNothing({ message: warned });
  });
});
