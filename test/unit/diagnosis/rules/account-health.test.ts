import {
  DiagnosisCause as C,
  type Evidence,
  type HealthEvidence,
  Verdict as V,
} from '../../../../src/diagnosis';
import { Strength } from '../../../../src/diagnosis/finding';
import { accountHealthRule } from '../../../../src/diagnosis/rules';
import { expectRuleFindings, failedMessage, onlyFinding, rejectedSend } from '../diagnosis-harness';

/*
 * Meta's `health_status` of a phone number (or account): `can_send_message` is AVAILABLE, LIMITED or
 * BLOCKED, the worst of its entities, each with Meta's error code, description and possible solution.
 */

const expectFindings = (evidence: Partial<Evidence>) => expectRuleFindings(accountHealthRule, evidence);
const finding = (evidence: Partial<Evidence>) => onlyFinding(accountHealthRule, evidence);

const PAYMENT = {
  errorCode: 141006,
  description: 'There is an error with the payment method.',
  possibleSolution: 'Add a valid payment method to the account.',
};
const limitedBy = (...errors: HealthEvidence['entities'][number]['errors']): HealthEvidence => ({
  canSendMessage: 'LIMITED',
  entities: [
    { entityType: 'PHONE_NUMBER', id: '106540352242922', canSendMessage: 'AVAILABLE', errors: [] },
    { entityType: 'WABA', id: '102290129340398', canSendMessage: 'LIMITED', errors },
  ],
});

describe('account-health rule', () => {
  it('finds an available account OK, as a background fact listing each entity', () => {
    const health: HealthEvidence = {
      canSendMessage: 'AVAILABLE',
      entities: [{ entityType: 'PHONE_NUMBER', id: '1', canSendMessage: 'AVAILABLE', errors: [] }],
    };
    expectFindings({ health }).toEqual([
      {
        rule: 'account-health',
        cause: C.NONE,
        verdict: V.OK,
        strength: Strength.BACKGROUND,
        retryable: false,
        retryAfterSeconds: null,
        facts: [
          { id: 'fact.health.overall', params: { state: 'AVAILABLE' } },
          { id: 'fact.health.entity', params: { entityType: 'PHONE_NUMBER', id: '1', state: 'AVAILABLE' } },
        ],
        headline: { title: 'headline.healthOk.title', explanation: 'headline.healthOk.explanation' },
      },
    ]);
  });

  it('finds a limited account AT_RISK, the cause and code from the entity’s error, Meta’s words kept', () => {
    expectFindings({ health: limitedBy(PAYMENT) }).toEqual([
      {
        rule: 'account-health',
        cause: C.ACCOUNT_RESTRICTED,
        verdict: V.AT_RISK,
        strength: Strength.HEALTH_PROBLEM,
        code: 141006,
        retryable: false,
        retryAfterSeconds: null,
        facts: [
          { id: 'fact.health.overall', params: { state: 'LIMITED' } },
          {
            id: 'fact.health.entity',
            params: { entityType: 'PHONE_NUMBER', id: '106540352242922', state: 'AVAILABLE' },
          },
          {
            id: 'fact.health.entityError',
            params: {
              entityType: 'WABA',
              id: '102290129340398',
              code: 141006,
              description: PAYMENT.description,
              solution: PAYMENT.possibleSolution,
            },
          },
        ],
      },
    ]);
  });

  it('finds a blocked account FAILED', () => {
    expect(finding({ health: { ...limitedBy(PAYMENT), canSendMessage: 'BLOCKED' } }).verdict).toBe(V.FAILED);
  });

  it('takes the cause from the first error the catalogue knows, and keeps an unknown one as UNKNOWN', () => {
    expect(finding({ health: limitedBy({ errorCode: 777777 }, { errorCode: 131042 }) })).toMatchObject({
      cause: C.INTEGRATION_ERROR,
      code: 131042,
    });
    expect(finding({ health: limitedBy({ errorCode: 777777 }) })).toMatchObject({
      cause: C.UNKNOWN,
      code: 777777,
    });
  });

  it('says "not given" where Meta left out the description or solution', () => {
    expect(finding({ health: limitedBy({ errorCode: 141006 }) }).facts[2]?.params).toMatchObject({
      description: { text: 'text.none' },
      solution: { text: 'text.none' },
    });
  });

  it('calls a limited account without any error ACCOUNT_RESTRICTED, without a code', () => {
    const quiet = finding({ health: limitedBy() });
    expect(quiet.cause).toBe(C.ACCOUNT_RESTRICTED);
    expect(quiet.code).toBeUndefined();
  });

  it('steps back next to a message or a refused send: their own evidence leads', () => {
    expect(finding({ health: limitedBy(PAYMENT), message: failedMessage([{ code: 131026 }]) }).strength).toBe(
      Strength.HEALTH_SIDE,
    );
    expect(finding({ health: limitedBy(PAYMENT), sendError: rejectedSend(131026) }).strength).toBe(
      Strength.HEALTH_SIDE,
    );
    expect(Strength.HEALTH_SIDE).toBeLessThan(Strength.STATUS);
  });

  it('finds nothing without health_status', () => {
    expectFindings({ sendError: rejectedSend(141006) }).toEqual([]);
  });
});
