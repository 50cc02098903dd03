import {
  type Diagnosis,
  type DiagnosisCause,
  type ErrorDetail,
  type Evidence,
  type MessageEvidence,
  Locale,
  type SendErrorEvidence,
  type TemplateEvidence,
  type TokenDebugEvidence,
  type Verdict,
} from '../../../src/diagnosis';
import { type Finding } from '../../../src/diagnosis/finding';
import { type DiagnosisRule } from '../../../src/diagnosis/rules';

export const DAY = 24 * 60 * 60 * 1000;
export const HOUR = 60 * 60 * 1000;
/** A fixed clock for every case: 2025-03-01T00:00:00Z. */
export const NOW = Date.UTC(2025, 2, 1);
export const LOCALES = [Locale.EN, Locale.ZH_TW] as const;

type Status = { status: string; at: number; errors?: ErrorDetail[] };

/** A message record as the store would hold it, from its status history (the last status is the effective one unless given). */
export function message(history: Status[], extra: Partial<MessageEvidence> = {}): MessageEvidence {
  const createdAt = history[0]?.at ?? NOW;
  return {
    id: 'wamid.TEST',
    status: history[history.length - 1]?.status ?? 'ACCEPTED',
    conflict: false,
    createdAt,
    statusHistory: history.map((h) => ({
      status: h.status,
      timestamp: h.at,
      receivedAt: h.at,
      errors: h.errors ?? [],
    })),
    errors: history.flatMap((h) => h.errors ?? []),
    recipient: '+16505551234',
    phoneNumberId: '106540352242922',
    ...extra,
  };
}

/** Every human-readable string of a diagnosis, joined, for "the texts must contain" checks. */
export function allText(d: Diagnosis): string {
  return [
    d.title,
    d.explanation,
    ...d.possibleCauses,
    ...d.solutions,
    ...d.endUserSteps,
    ...d.evidence,
    ...d.links.flatMap((l) => [l.title, l.url]),
  ].join('\n');
}

/** What one table row expects. `texts` lists strings that must appear, per locale or in both. */
export interface Expectation {
  verdict: Verdict;
  cause: DiagnosisCause;
  code?: number | null;
  retryable: boolean;
  retryAfterSeconds: number | null;
  texts?: { both?: string[]; EN?: string[]; ZH_TW?: string[] };
  /** Strings that must appear in `evidence` specifically (both locales). */
  evidence?: string[];
  /** Strings that must not appear anywhere (both locales). */
  absent?: string[];
}

export interface Row {
  /** The case the row covers: a sentence of Meta's troubleshooting page, a catalogued code, or a boundary. */
  name: string;
  run: (locale: Locale) => Diagnosis;
  expect: Expectation;
}

/** Runs each row in both locales through the same assertions. */
export function runTable(rows: Row[]): void {
  describe.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    it.each(LOCALES)('in %s', (locale) => {
      const d = row.run(locale);
      const e = row.expect;
      expect({
        verdict: d.verdict,
        cause: d.cause,
        retryable: d.retryable,
        retryAfterSeconds: d.retryAfterSeconds,
      }).toEqual({
        verdict: e.verdict,
        cause: e.cause,
        retryable: e.retryable,
        retryAfterSeconds: e.retryAfterSeconds,
      });
      if (e.code !== undefined) expect(d.code).toBe(e.code);
      expect(d.locale).toBe(locale);
      expect(d.title).not.toBe('');
      expect(d.explanation).not.toBe('');
      const text = allText(d);
      expect(text).not.toMatch(/\{\w+\}/);
      for (const s of [...(e.texts?.both ?? []), ...(e.texts?.[locale] ?? [])]) expect(text).toContain(s);
      for (const s of e.evidence ?? []) expect(d.evidence.join('\n')).toContain(s);
      for (const s of e.absent ?? []) expect(text).not.toContain(s);
    });
  });
}

// One rule at a time, as graphql-js tests each validation rule on its own harness: each rule's test file
// binds the rule once (`const expectFindings = (e) => expectRuleFindings(someRule, e)`) and then reads as
// a list of evidence and what the rule finds in it. No ranking, no merging, no texts: that is the table's.

/** Evidence at the fixed clock, plus what a case adds. */
export function evidence(extra: Partial<Evidence> = {}): Evidence {
  return { now: NOW, ...extra };
}

/** What `rule` alone finds in the evidence (the clock at NOW unless the case sets `now`). */
export function findingsOf(rule: DiagnosisRule, extra: Partial<Evidence> = {}): Finding[] {
  return rule.apply(evidence(extra));
}

/** `expect` on what `rule` finds: `.toEqual([])` for "finds nothing", `.toMatchObject([...])` for what it finds. */
export function expectRuleFindings(
  rule: DiagnosisRule,
  extra: Partial<Evidence> = {},
): jest.JestMatchers<Finding[]> {
  return expect(findingsOf(rule, extra));
}

/** The one finding `rule` makes in the evidence; fails the test when it makes none or several. */
export function onlyFinding(rule: DiagnosisRule, extra: Partial<Evidence> = {}): Finding {
  const findings = findingsOf(rule, extra);
  expect(findings).toHaveLength(1);
  return findings[0]!;
}

/** The ids of a finding's facts, in order: what it relied on, without the figures. */
export function factIds(finding: Finding): string[] {
  return finding.facts.map((fact) => fact.id);
}

/** A message sent an hour ago that failed a second later with Meta's `errors`. */
export function failedMessage(errors: ErrorDetail[], extra: Partial<MessageEvidence> = {}): MessageEvidence {
  return message(
    [
      { status: 'SENT', at: NOW - HOUR },
      { status: 'FAILED', at: NOW - HOUR + 1000, errors },
    ],
    extra,
  );
}

/** A send Meta refused with `code` (HTTP 400 unless the case says otherwise). */
export function rejectedSend(code: number, extra: Partial<SendErrorEvidence> = {}): SendErrorEvidence {
  return { code, message: `(#${code})`, httpStatus: 400, ...extra };
}

/** The two permissions every Cloud API token needs. */
const BOTH_PERMISSIONS = ['whatsapp_business_management', 'whatsapp_business_messaging'];

/** A `debug_token` answer: a valid token that never expires and has both permissions, unless changed. */
export function tokenDebug(extra: Partial<TokenDebugEvidence> = {}): TokenDebugEvidence {
  return { isValid: true, expiresAt: 0, scopes: [...BOTH_PERMISSIONS], ...extra };
}

/** An approved positional template `order_update` (en_US) with a text body of two parameters, unless changed. */
export function templateEvidence(extra: Partial<TemplateEvidence> = {}): TemplateEvidence {
  return {
    name: 'order_update',
    language: 'en_US',
    status: 'APPROVED',
    category: 'UTILITY',
    quality: 'GREEN',
    parameterFormat: 'POSITIONAL',
    parameters: [
      { component: 'BODY', position: 1, kind: 'TEXT' },
      { component: 'BODY', position: 2, kind: 'TEXT' },
    ],
    detectedBy: 'META',
    ...extra,
  };
}
