import { type Fact } from '../finding';
import { formatInstant } from '../format';
import { HOUR_MS } from '../knowledge/windows';
import { PAUSES_BEFORE_DISABLED, TEMPLATE_TEXT_MAX_SPACES } from '../knowledge/templates';
import { type TemplateEvidence, type TemplateParameterEvidence } from './template-evidence';

/** Meta's status for a template that can be sent; the only one. */
export const SENDABLE_STATUS = 'APPROVED';

/** `name (language)`, or whichever of the two is known, or `?`. */
export function templateLabel(template: TemplateEvidence): string {
  const name = template.name ?? '?';
  return template.language === undefined ? name : `${name} (${template.language})`;
}

/** A placeholder as the texts show it: `BODY #1`, `BODY first_name`, `HEADER IMAGE`, `BUTTON[0] URL`. */
export function parameterLabel(parameter: TemplateParameterEvidence): string {
  const where =
    parameter.buttonIndex === undefined
      ? parameter.component
      : `${parameter.component}[${parameter.buttonIndex}]`;
  const which =
    parameter.position !== undefined ? ` #${parameter.position}` : parameter.name ? ` ${parameter.name}` : '';
  const kind = parameter.kind === 'TEXT' ? '' : ` ${parameter.kind}`;
  return `${where}${which}${kind}`;
}

/**
 * The lines every template finding starts with: which template, its status (and since when), whether the
 * gateway knows it at all, and whether the gateway's check (not Meta) found the problem.
 */
export function identityFacts(template: TemplateEvidence | undefined): Fact[] {
  if (!template) return [];
  const facts: Fact[] = [];
  const label = templateLabel(template);
  if (template.status !== undefined) {
    facts.push(
      template.statusChangedAt !== undefined
        ? {
            id: 'fact.template.status',
            params: {
              template: label,
              status: template.status,
              since: formatInstant(template.statusChangedAt),
            },
          }
        : { id: 'fact.template.statusNow', params: { template: label, status: template.status } },
    );
  } else if (template.name !== undefined) {
    facts.push({ id: 'fact.template.unknown', params: { template: label } });
  }
  if (template.detectedBy === 'GATEWAY') facts.push({ id: 'fact.template.detectedByGateway' });
  if (template.sent?.component !== undefined)
    facts.push({ id: 'fact.template.component', params: { component: template.sent.component } });
  return facts;
}

/** How many parameters the template expects per component, in the order they first appear. */
export function expectedCounts(parameters: readonly TemplateParameterEvidence[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of parameters) counts.set(p.component, (counts.get(p.component) ?? 0) + 1);
  return counts;
}

/** What the template expects, listed: `BODY #1, BODY #2, HEADER IMAGE`. */
export function expectsFact(template: TemplateEvidence): Fact[] {
  const parameters = template.parameters;
  if (parameters === undefined) return [];
  if (parameters.length === 0) return [{ id: 'fact.template.expectsNone' }];
  return [{ id: 'fact.template.expects', params: { parameters: parameters.map(parameterLabel).join(', ') } }];
}

/** One line per component whose count differs from the template's: expected N in BODY, got M. */
export function countMismatchFacts(template: TemplateEvidence): Fact[] {
  const given = template.sent?.counts;
  if (template.parameters === undefined || given === undefined) return [];
  const expected = expectedCounts(template.parameters);
  const components = [...new Set([...expected.keys(), ...Object.keys(given)])];
  return components.flatMap((component): Fact[] => {
    const want = expected.get(component) ?? 0;
    const got = given[component] ?? 0;
    return want === got
      ? []
      : [{ id: 'fact.template.countMismatch', params: { component, expected: want, given: got } }];
  });
}

/** The refused text, quoted so that a new line or a tab shows: `"Line one\nLine two"`. */
export function quotedText(text: string): string {
  return JSON.stringify(text);
}

const TOO_MANY_SPACES = new RegExp(` {${TEMPLATE_TEXT_MAX_SPACES + 1}}`);

/** What is wrong with a text parameter for 132018: a new line, a tab, too many spaces in a row. */
export function textProblemFacts(text: string | undefined): Fact[] {
  if (text === undefined) return [];
  const params = { text: quotedText(text) };
  const facts: Fact[] = [];
  if (/[\n\r]/.test(text)) facts.push({ id: 'fact.template.text.newline', params });
  if (text.includes('\t')) facts.push({ id: 'fact.template.text.tab', params });
  if (TOO_MANY_SPACES.test(text)) facts.push({ id: 'fact.template.text.spaces', params });
  return facts.length > 0 ? facts : [{ id: 'fact.template.offendingText', params }];
}

/** The header the template takes against the one the send gave (132012). */
export function headerFacts(template: TemplateEvidence): Fact[] {
  const header = template.parameters?.find((p) => p.component === 'HEADER' && p.kind !== 'TEXT');
  if (!header) return [];
  const given = template.sent?.headerType;
  if (template.sent === undefined) return [];
  return given === undefined || given === ''
    ? [{ id: 'fact.template.headerMissing', params: { expected: header.kind } }]
    : [{ id: 'fact.template.headerGiven', params: { expected: header.kind, given } }];
}

/** When a paused template can be sent again, and how many pauses it has left before it is disabled. */
export function pauseFacts(template: TemplateEvidence, now: number | undefined): Fact[] {
  const facts: Fact[] = [];
  const until = template.pausedUntil;
  if (until !== undefined) {
    const params = { until: formatInstant(until) };
    if (now === undefined) facts.push({ id: 'fact.template.pausedUntilAt', params });
    else if (until > now)
      facts.push({
        id: 'fact.template.pausedUntil',
        params: { ...params, hours: Math.ceil((until - now) / HOUR_MS) },
      });
    else facts.push({ id: 'fact.template.pauseOver', params });
  }
  if (template.pauseCount !== undefined && template.pauseCount > 0) {
    facts.push({ id: 'fact.template.pauseCount', params: { count: template.pauseCount } });
    if (template.pauseCount >= PAUSES_BEFORE_DISABLED) facts.push({ id: 'fact.template.lastPause' });
  }
  return facts;
}

/** Seconds until the pause ends, when it is known and still ahead. */
export function secondsUntilUnpaused(template: TemplateEvidence | undefined, now: number): number | null {
  const until = template?.pausedUntil;
  return until !== undefined && until > now ? Math.ceil((until - now) / 1000) : null;
}

/** The names a named template expects against those the send gave (100). */
export function nameFacts(template: TemplateEvidence): Fact[] {
  const facts: Fact[] = [];
  const names = (template.parameters ?? []).flatMap((p) => (p.name ? [p.name] : []));
  if (names.length > 0) facts.push({ id: 'fact.template.named', params: { names: names.join(', ') } });
  const given = template.sent?.names;
  if (given !== undefined) {
    facts.push(
      given.length > 0
        ? { id: 'fact.template.namesGiven', params: { names: given.join(', ') } }
        : { id: 'fact.template.namesNone' },
    );
  }
  return facts;
}

/** The reason Meta gave for a rejection, when there is one. */
export function rejectionFacts(template: TemplateEvidence): Fact[] {
  const reason = template.rejectedReason;
  return reason ? [{ id: 'fact.template.rejectedReason', params: { reason } }] : [];
}

export function otherLanguageFacts(template: TemplateEvidence): Fact[] {
  const languages = template.otherLanguages ?? [];
  return languages.length > 0
    ? [{ id: 'fact.template.otherLanguages', params: { languages: languages.join(', ') } }]
    : [];
}

export function categoryFacts(template: TemplateEvidence): Fact[] {
  return template.category !== undefined
    ? [{ id: 'fact.template.category', params: { category: template.category } }]
    : [];
}

export function qualityFacts(template: TemplateEvidence): Fact[] {
  return template.quality !== undefined
    ? [{ id: 'fact.template.quality', params: { quality: template.quality } }]
    : [];
}
