import {
  type Diagnosis,
  type DiagnosisCause,
  type ErrorDetail,
  type MessageEvidence,
  Locale,
  type Verdict,
} from '../../../src/diagnosis';

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
  /** The DIAGNOSIS.md line (or boundary) the row covers. */
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
