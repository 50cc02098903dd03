import { composeDiagnosis } from '../compose-diagnosis';
import { type Diagnosis } from '../diagnosis';
import { DiagnosisCause } from '../diagnosis-cause';
import { explainError } from '../explain-error';
import { type Fact, type Finding, Strength } from '../finding';
import { HOUR_MS } from '../knowledge/windows';
import { type Locale } from '../locale';
import { Verdict } from '../verdict';
import { type AccountEventEvidence, type TemplateStatusEvidence } from './account-event-evidence';

/** Meta's codes for a send with a paused or a disabled template: the same situation, seen at send time. */
const TEMPLATE_PAUSED_CODE = 132015;
const TEMPLATE_DISABLED_CODE = 132016;

/** How long Meta pauses a template, by the pause's title; a pause without one counts as the first. */
const PAUSE_HOURS: Readonly<Record<string, number>> = { FIRST_PAUSE: 3, SECOND_PAUSE: 6 };

/** Quality scores, best first: a move to a later one is a drop. */
const QUALITY_ORDER = ['GREEN', 'YELLOW', 'RED'];

/** Phone-number quality events that mean fewer customers can be reached, and those that undo it. */
const PHONE_DROPS = new Set(['FLAGGED', 'DOWNGRADE']);
const PHONE_RISES = new Set(['UNFLAGGED', 'UPGRADE']);

/** `account_update` events that stop or limit sending. */
const ACCOUNT_RESTRICTIONS = new Set(['ACCOUNT_RESTRICTION', 'ACCOUNT_VIOLATION', 'DISABLED_UPDATE']);

/**
 * The diagnosis of an account event where one applies: a paused or disabled template, a quality drop, a
 * messaging limit change, an account restriction, an error Meta reported for the account (130429 and
 * the like). Null for events that need no explanation (an approved template, a name review, …).
 */
export function diagnoseAccountEvent(event: AccountEventEvidence, locale: Locale): Diagnosis | null {
  if (event.kind === 'WEBHOOK_ERROR') {
    const code = event.error?.code;
    if (code === undefined || !Number.isInteger(code)) return null;
    return explainError(code, null, locale, event.error?.details);
  }
  const finding = findingOf(event);
  return finding === null ? null : composeDiagnosis([finding], locale);
}

function findingOf(event: AccountEventEvidence): Finding | null {
  switch (event.kind) {
    case 'TEMPLATE_STATUS':
      return templateStatusFinding(event);
    case 'TEMPLATE_QUALITY': {
      const { previousQualityScore: previous, newQualityScore: current } = event;
      if (!isDrop(previous, current)) return null;
      return finding(DiagnosisCause.TEMPLATE, Verdict.AT_RISK, 'account.templateQuality', [
        {
          id: 'fact.account.quality',
          params: { subject: templateName(event), previous: previous ?? '?', current: current ?? '?' },
        },
      ]);
    }
    case 'PHONE_NUMBER_QUALITY': {
      const phoneEvent = event.event ?? '';
      const facts: Fact[] = [
        {
          id: 'fact.account.phoneEvent',
          params: {
            number: event.displayPhoneNumber ?? '?',
            event: phoneEvent,
            limit: event.currentLimit ?? event.maxDailyConversationsPerBusiness ?? '?',
          },
        },
      ];
      if (PHONE_DROPS.has(phoneEvent)) {
        return finding(DiagnosisCause.PHONE_NUMBER, Verdict.AT_RISK, 'account.phoneQuality', facts);
      }
      if (PHONE_RISES.has(phoneEvent))
        return finding(DiagnosisCause.NONE, Verdict.OK, 'account.limitUp', facts);
      return null;
    }
    case 'ACCOUNT_UPDATE': {
      const accountEvent = event.event ?? '';
      if (!ACCOUNT_RESTRICTIONS.has(accountEvent)) return null;
      return finding(DiagnosisCause.ACCOUNT_RESTRICTED, Verdict.FAILED, null, [
        { id: 'fact.account.event', params: { event: accountEvent } },
      ]);
    }
    default:
      return null;
  }
}

function templateStatusFinding(event: TemplateStatusEvidence): Finding | null {
  const facts: Fact[] = [
    { id: 'fact.account.template', params: { template: templateName(event), event: event.event ?? '?' } },
  ];
  const description = event.otherInfo?.description;
  if (description !== undefined) facts.push({ id: 'fact.account.metaSays', params: { text: description } });
  if (event.event === 'PAUSED') {
    const hours = PAUSE_HOURS[event.otherInfo?.title ?? ''] ?? PAUSE_HOURS['FIRST_PAUSE'] ?? 3;
    return {
      ...finding(DiagnosisCause.TEMPLATE, Verdict.AT_RISK, null, facts),
      code: TEMPLATE_PAUSED_CODE,
      retryable: true,
      retryAfterSeconds: (hours * HOUR_MS) / 1000,
    };
  }
  if (event.event === 'DISABLED') {
    return { ...finding(DiagnosisCause.TEMPLATE, Verdict.FAILED, null, facts), code: TEMPLATE_DISABLED_CODE };
  }
  return null;
}

function finding(
  cause: DiagnosisCause,
  verdict: Verdict,
  headline: 'account.templateQuality' | 'account.phoneQuality' | 'account.limitUp' | null,
  facts: Fact[],
): Finding {
  return {
    rule: 'account-event',
    cause,
    verdict,
    strength: Strength.ERROR_CODE,
    retryable: false,
    retryAfterSeconds: null,
    facts,
    ...(headline !== null && {
      headline: { title: `${headline}.title` as const, explanation: `${headline}.explanation` as const },
    }),
  };
}

function templateName(event: { templateName?: string; templateLanguage?: string }): string {
  const name = event.templateName ?? '?';
  return event.templateLanguage === undefined ? name : `${name} (${event.templateLanguage})`;
}

function isDrop(previous: string | undefined, current: string | undefined): boolean {
  const from = QUALITY_ORDER.indexOf(previous ?? '');
  const to = QUALITY_ORDER.indexOf(current ?? '');
  return to > 0 && (from === -1 || to > from);
}
