import { DiagnosisCause as C, diagnoseTemplate, Verdict as V } from '../../../src/diagnosis';
import { allText, HOUR, LOCALES, NOW, templateEvidence } from './diagnosis-harness';

/*
 * Why a template is not sendable (the Template's own `diagnosis` field). Only APPROVED can be sent
 * (reference: statuses); a low quality on an approved template is a warning, since the next RED pauses it.
 */
describe('diagnoseTemplate', () => {
  it.each(LOCALES)('is null for an approved template of good quality (%s)', (locale) => {
    expect(diagnoseTemplate(templateEvidence(), locale)).toBeNull();
    expect(diagnoseTemplate(templateEvidence({ quality: 'UNKNOWN' }), locale)).toBeNull();
  });

  const cases = [
    ['PENDING', 132001, { EN: 'pending review', ZH_TW: '審核中' }],
    ['IN_APPEAL', 132001, { EN: 'appeal', ZH_TW: '申訴' }],
    ['PENDING_DELETION', 132001, { EN: 'being deleted', ZH_TW: '刪除中' }],
    ['DELETED', 132001, { EN: 'deleted', ZH_TW: '已刪除' }],
    ['LIMIT_EXCEEDED', 132001, { EN: 'limit', ZH_TW: '上限' }],
    ['ARCHIVED', 132001, { EN: 'archived', ZH_TW: '封存' }],
    ['DISABLED', 132016, { EN: 'disabled', ZH_TW: '停用' }],
  ] as const;
  describe.each(cases)('%s → FAILED with the code a send would get (%s)', (status, code, words) => {
    it.each(LOCALES)('in %s', (locale) => {
      const d = diagnoseTemplate(templateEvidence({ status }), locale)!;
      expect(d).toMatchObject({ verdict: V.FAILED, cause: C.TEMPLATE, code, retryable: false });
      expect(d.title).toContain(words[locale]);
      expect(allText(d)).not.toMatch(/\{\w+\}/);
      expect(d.evidence.join('\n')).toContain(status);
    });
  });

  it.each(LOCALES)('rejected: gives Meta’s reason and how to resubmit (%s)', (locale) => {
    const d = diagnoseTemplate(
      templateEvidence({ status: 'REJECTED', rejectedReason: 'PROMOTIONAL', category: 'UTILITY' }),
      locale,
    )!;
    expect(d.evidence.join('\n')).toContain('PROMOTIONAL');
    expect(d.solutions.join('\n')).toContain(locale === 'EN' ? 'submit it again' : '重新送審');
  });

  it.each(LOCALES)(
    'paused: until when, retryable after the time left, and the third pause (%s)',
    (locale) => {
      const template = templateEvidence({ status: 'PAUSED', pausedUntil: NOW + 3 * HOUR, pauseCount: 2 });
      const d = diagnoseTemplate(template, locale, NOW)!;
      expect(d).toMatchObject({
        verdict: V.FAILED,
        code: 132015,
        retryable: true,
        retryAfterSeconds: 3 * 3600,
      });
      expect(d.evidence.join('\n')).toContain('2025-03-01 03:00 UTC');
      expect(allText(d)).toContain(locale === 'EN' ? 'disables the template for good' : '永久停用');
      // Without a clock, the end is shown but no wait is promised.
      expect(diagnoseTemplate(template, locale)).toMatchObject({ retryable: false, retryAfterSeconds: null });
    },
  );

  it.each(LOCALES)('approved with RED or YELLOW quality: a warning, no code (%s)', (locale) => {
    for (const quality of ['RED', 'YELLOW']) {
      const d = diagnoseTemplate(templateEvidence({ quality }), locale)!;
      expect(d).toMatchObject({ verdict: V.AT_RISK, cause: C.TEMPLATE, code: null });
      expect(d.evidence.join('\n')).toContain(quality);
    }
  });

  it.each(LOCALES)('an unknown or missing status cannot be judged (%s)', (locale) => {
    expect(diagnoseTemplate(templateEvidence({ status: 'LOCKED' }), locale)?.verdict).toBe(V.UNKNOWN);
    expect(diagnoseTemplate({}, locale)?.verdict).toBe(V.UNKNOWN);
  });
});
