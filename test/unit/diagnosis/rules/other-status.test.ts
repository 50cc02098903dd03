import { DiagnosisCause as C, type Evidence, Verdict as V } from '../../../../src/diagnosis';
import { Strength } from '../../../../src/diagnosis/finding';
import { otherStatusRule } from '../../../../src/diagnosis/rules';
import { expectRuleFindings, HOUR, message, NOW } from '../diagnosis-harness';

/*
 * Besides sent, delivered, read and failed, Meta's status webhooks also carry `deleted` and `warning`
 * (about catalogue items in the message), and Meta may add statuses later: a status nobody knows is
 * reported as it is, never thrown on.
 */

const expectFindings = (evidence: Partial<Evidence>) => expectRuleFindings(otherStatusRule, evidence);
const expectNothing = (evidence: Partial<Evidence>) => expectFindings(evidence).toEqual([]);
const SENT = { status: 'SENT', at: NOW - 2 * HOUR };

describe('other-status rule', () => {
  it('finds a deleted message OK: deleting is not a failure', () => {
    expectFindings({ message: message([SENT, { status: 'DELETED', at: NOW - HOUR }]) }).toEqual([
      {
        rule: 'other-status',
        cause: C.NONE,
        verdict: V.OK,
        strength: Strength.STATUS,
        retryable: false,
        retryAfterSeconds: null,
        facts: [{ id: 'fact.deleted' }],
        headline: { title: 'headline.deleted.title', explanation: 'headline.deleted.explanation' },
      },
    ]);
  });

  it('finds a warning AT_RISK, quoting each of Meta’s warning errors: code, title, details', () => {
    const warned = message(
      [
        SENT,
        {
          status: 'WARNING',
          at: NOW - HOUR,
          errors: [
            { code: 131060, title: 'Catalog item unavailable', details: 'item 42' },
            { code: 131061, title: 'Price changed' },
          ],
        },
      ],
      { errors: [] },
    );
    expectFindings({ message: warned }).toEqual([
      {
        rule: 'other-status',
        cause: C.UNKNOWN,
        verdict: V.AT_RISK,
        strength: Strength.STATUS,
        retryable: false,
        retryAfterSeconds: null,
        facts: [
          {
            id: 'fact.warning',
            params: { details: '131060 Catalog item unavailable item 42; 131061 Price changed' },
          },
        ],
        headline: { title: 'headline.warning.title', explanation: 'headline.warning.explanation' },
      },
    ]);
  });

  it('quotes only the warnings, not the errors of other statuses', () => {
    const history = [
      { status: 'FAILED', at: NOW - 2 * HOUR, errors: [{ code: 131026 }] },
      { status: 'WARNING', at: NOW - HOUR, errors: [{ code: 131060 }] },
    ];
    expectFindings({ message: message(history) }).toMatchObject([
      { facts: [{ id: 'fact.warning', params: { details: '131060' } }] },
    ]);
  });

  it('says "not given" for a warning without errors', () => {
    expectFindings({ message: message([SENT, { status: 'WARNING', at: NOW - HOUR }]) }).toMatchObject([
      { facts: [{ id: 'fact.warning', params: { details: { text: 'text.none' } } }] },
    ]);
  });

  it('reports a status nobody knows as it is, UNKNOWN, instead of throwing', () => {
    expectFindings({ message: message([{ status: 'TELEPORTED', at: NOW - HOUR }]) }).toEqual([
      {
        rule: 'other-status',
        cause: C.UNKNOWN,
        verdict: V.UNKNOWN,
        strength: Strength.STATUS,
        retryable: false,
        retryAfterSeconds: null,
        params: { status: 'TELEPORTED' },
        facts: [{ id: 'fact.unknownStatus', params: { status: 'TELEPORTED' } }],
        headline: {
          title: 'headline.unknownStatus.title',
          explanation: 'headline.unknownStatus.explanation',
        },
      },
    ]);
  });

  it('reads statuses in any case: a lowercase `deleted` is known, not unknown', () => {
    expectFindings({ message: message([{ status: 'deleted', at: NOW - HOUR }]) }).toMatchObject([
      { verdict: V.OK, facts: [{ id: 'fact.deleted' }] },
    ]);
  });

  it('finds nothing for the statuses other rules explain', () => {
    expectNothing({});
    for (const status of ['ACCEPTED', 'HELD', 'SENT', 'DELIVERED', 'READ', 'PLAYED', 'FAILED']) {
      expectNothing({ message: message([{ status, at: NOW - HOUR }]) });
    }
  });
});
