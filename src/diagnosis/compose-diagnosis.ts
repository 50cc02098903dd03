import { type Diagnosis, type DiagnosisLink } from './diagnosis';
import { DiagnosisCause } from './diagnosis-cause';
import { type Fact, type Finding } from './finding';
import { MINIMUM_CLIENT_VERSIONS, TERMS_OF_SERVICE_URL } from './knowledge/client-versions';
import { findErrorCode } from './knowledge/error-catalog';
import { LINK_URLS, LinkId } from './knowledge/links';
import { REQUIRED_PERMISSIONS } from './knowledge/permissions';
import {
  FIRST_PAUSE_HOURS,
  SECOND_PAUSE_HOURS,
  TEMPLATE_BODY_MAX_CHARS,
  TEMPLATE_HEADER_TEXT_MAX_CHARS,
  TEMPLATE_TEXT_MAX_SPACES,
} from './knowledge/templates';
import {
  CUSTOMER_SERVICE_WINDOW_HOURS,
  MAINTENANCE_MINUTES,
  OFFLINE_RETENTION_DAYS,
  PAIR_RATE_LIMIT_SECONDS,
} from './knowledge/windows';
import { Locale } from './locale';
import {
  CAUSE_TEXTS,
  type CauseTexts,
  isMessageId,
  TEMPLATE_FAILURE_TEXTS,
  translate,
  type MessageId,
  type TextParams,
} from './texts';

/** The parameters every text may use: the knowledge figures, rendered for `locale`. */
export function baseParams(locale: Locale): TextParams {
  return {
    retentionDays: OFFLINE_RETENTION_DAYS,
    maintenanceMinutes: MAINTENANCE_MINUTES,
    windowHours: CUSTOMER_SERVICE_WINDOW_HOURS,
    pairSeconds: PAIR_RATE_LIMIT_SECONDS,
    tosUrl: TERMS_OF_SERVICE_URL,
    versions: MINIMUM_CLIENT_VERSIONS.map((v) => `${v.platform} ${v.minimumVersion}`).join(
      translate(locale, 'list.separator'),
    ),
    permissions: REQUIRED_PERMISSIONS.join(translate(locale, 'list.and')),
    firstPauseHours: FIRST_PAUSE_HOURS,
    secondPauseHours: SECOND_PAUSE_HOURS,
    bodyMaxChars: TEMPLATE_BODY_MAX_CHARS,
    headerMaxChars: TEMPLATE_HEADER_TEXT_MAX_CHARS,
    maxSpaces: TEMPLATE_TEXT_MAX_SPACES,
    details: { text: 'text.none' },
    codeTitle: { text: 'text.none' },
  };
}

/** A finding's texts: its cause's, with a template failure's own wording in place of the cause's. */
function textsOf(finding: Finding): CauseTexts {
  const texts = CAUSE_TEXTS[finding.cause];
  return finding.templateFailure === undefined
    ? texts
    : { ...texts, ...TEMPLATE_FAILURE_TEXTS[finding.templateFailure] };
}

const keyOf = (f: Finding) => `${f.cause}|${f.code ?? ''}`;

/**
 * Findings about the same cause and code are one finding: the catalogue's view of 131047 and the window
 * rule's facts about it belong together. The stronger one sets verdict and retry advice.
 */
export function mergeFindings(findings: readonly Finding[]): Finding[] {
  const merged = new Map<string, Finding>();
  for (const f of findings) {
    const seen = merged.get(keyOf(f));
    if (!seen) {
      merged.set(keyOf(f), f);
      continue;
    }
    const [strong, weak] = f.strength > seen.strength ? [f, seen] : [seen, f];
    merged.set(keyOf(f), {
      ...strong,
      facts: [...seen.facts, ...f.facts],
      params: { ...weak.params, ...strong.params },
    });
  }
  // A stable sort: on equal strength the rule listed first in the registry stays first.
  return [...merged.values()].sort((a, b) => b.strength - a.strength);
}

/** Turns ranked findings into the diagnosis of the first one, in `locale`; the rest become evidence. */
export function composeDiagnosis(findings: readonly Finding[], locale: Locale): Diagnosis {
  const [winner, ...others] = mergeFindings(findings);
  if (!winner) throw new Error('composeDiagnosis needs at least one finding');
  const base = baseParams(locale);
  const params: TextParams = { ...base, ...winner.params };
  const t = (id: MessageId, extra: TextParams = params) => translate(locale, id, extra);
  const texts = textsOf(winner);
  const code = winner.code ?? null;
  const info = code === null ? undefined : findErrorCode(code);
  // A template failure's own wording says what the code's short texts say, and more.
  const codeText = (kind: 'description' | 'solution'): string[] => {
    const id = info && winner.templateFailure === undefined ? `code.${info.code}.${kind}` : '';
    return isMessageId(id) ? [t(id)] : [];
  };

  const headline = winner.headline;
  const baseTitle = t(headline?.title ?? texts.title);
  const explanation = [
    ...(code !== null && !info ? [t('explain.unknownCode')] : []),
    ...codeText('description'),
    ...(info?.rangeEnd !== undefined ? [t('explain.codeRange', { ...params, code: info.code })] : []),
    t(headline?.explanation ?? texts.explanation),
  ];
  const linkIds = unique([...texts.links, ...(code !== null ? [LinkId.ERROR_CODES] : [])]);

  return {
    verdict: winner.verdict,
    cause: winner.cause,
    code,
    title: code !== null ? t('diagnosis.titleWithCode', { title: baseTitle, code }) : baseTitle,
    // Chinese sentences end in a full-width stop and follow one another without a space.
    explanation: explanation.join(locale === Locale.ZH_TW ? '' : ' '),
    possibleCauses: texts.possibleCauses.map((id) => t(id)),
    solutions: unique([...codeText('solution'), ...texts.solutions.map((id) => t(id))]),
    endUserSteps: texts.endUserSteps.map((id) => t(id)),
    retryable: winner.retryable,
    retryAfterSeconds: winner.retryable ? winner.retryAfterSeconds : null,
    links: linkIds.map((id): DiagnosisLink => ({ title: t(`link.${id}`), url: LINK_URLS[id] })),
    evidence: unique([
      ...renderFacts(winner.facts, locale, params),
      ...others.flatMap((f) => renderOther(f, locale, base)),
    ]),
    locale,
  };
}

function renderFacts(facts: readonly Fact[], locale: Locale, params: TextParams): string[] {
  return facts.map((fact) => translate(locale, fact.id, { ...params, ...fact.params }));
}

/** A weaker finding: "Also considered: <title>." then its facts. Background facts (cause NONE) go without the header. */
function renderOther(finding: Finding, locale: Locale, base: TextParams): string[] {
  const params: TextParams = { ...base, ...finding.params };
  const facts = renderFacts(finding.facts, locale, params);
  if (finding.cause === DiagnosisCause.NONE) return facts;
  const title = translate(locale, finding.headline?.title ?? textsOf(finding).title, params);
  const titled =
    finding.code !== undefined
      ? translate(locale, 'diagnosis.titleWithCode', { title, code: finding.code })
      : title;
  return [translate(locale, 'evidence.alsoConsidered', { title: titled }), ...facts];
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
