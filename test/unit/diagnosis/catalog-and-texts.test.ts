import {
  describeCatalogEntry,
  DiagnosisCause,
  errorCatalog,
  explainError,
  Locale,
  Verdict,
} from '../../../src/diagnosis';
import { CAUSE_TEXTS, EN, textTable, ZH_TW } from '../../../src/diagnosis/texts';
import { allText, LOCALES } from './diagnosis-harness';

/** Every code of the first catalogue, from Meta's Cloud API error-code reference (200–299 as its first code). */
const REFERENCE_CODES = [
  0, 1, 2, 3, 4, 10, 33, 100, 190, 200, 368, 80007, 130429, 130472, 130497, 131000, 131005, 131008, 131009,
  131016, 131021, 131026, 131030, 131031, 131037, 131042, 131045, 131047, 131048, 131049, 131050, 131051,
  131052, 131053, 131055, 131056, 131057, 132000, 132001, 132005, 132007, 132012, 132015, 132016, 132068,
  132069, 133000, 133004, 133005, 133006, 133008, 133009, 133010, 133015, 133016, 135000, 141006,
];

/** The codes Meta added or was seen to send since then (Marketing Messages API, BSUIDs, calling, templates). */
const NEWER_CODES = [
  80008, 131044, 131062, 131063, 131064, 132018, 134100, 134101, 134102, 137000, 139200, 2388318, 2388330,
];

const paramsOf = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('error catalogue', () => {
  it('holds every code of the reference, once', () => {
    const codes = errorCatalog().map((i) => i.code);
    expect([...codes].sort((a, b) => a - b)).toEqual(
      [...REFERENCE_CODES, ...NEWER_CODES].sort((a, b) => a - b),
    );
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('covers 200–299 as one range entry', () => {
    const entry = errorCatalog().find((i) => i.code === 200);
    expect(entry).toMatchObject({ rangeEnd: 299, cause: DiagnosisCause.PERMISSION_MISSING });
  });

  it('cannot be altered by a caller', () => {
    const first = errorCatalog()[0];
    if (first) first.retryable = !first.retryable;
    expect(errorCatalog()[0]?.retryable).not.toBe(first?.retryable);
  });

  it('gives retry figures only to retryable codes', () => {
    for (const info of errorCatalog()) {
      if (!info.retryable) expect(info.retryAfterSeconds).toBeNull();
      else expect(info.retryAfterSeconds).toBeGreaterThan(0);
    }
  });

  describe.each(LOCALES)('in %s', (locale) => {
    it.each(errorCatalog().map((i) => [i.code, i] as const))(
      'code %i yields a complete diagnosis',
      (code, info) => {
        const d = explainError(code, null, locale);
        expect(d).toMatchObject({
          code,
          cause: info.cause,
          retryable: info.retryable,
          retryAfterSeconds: info.retryAfterSeconds,
          locale,
        });
        expect(d.title).toContain(String(code));
        expect(d.explanation.length).toBeGreaterThan(20);
        expect(d.solutions.length).toBeGreaterThan(0);
        expect(d.solutions.every((s) => s.trim() !== '')).toBe(true);
        expect(d.links.map((l) => l.url)).toContain(
          'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes',
        );
        expect(allText(d)).not.toMatch(/\{\w+\}/);
        const { description, solution } = describeCatalogEntry(info, locale);
        expect(description).not.toBe('');
        expect(solution).not.toBe('');
        expect(description + solution).not.toMatch(/\{\w+\}/);
      },
    );

    it.each([999999, -1, 0.5, Number.MAX_SAFE_INTEGER])(
      'unknown code %p → UNKNOWN with the raw code, no exception',
      (code) => {
        const d = explainError(code, 7, locale, 'raw details');
        expect(d.cause).toBe(DiagnosisCause.UNKNOWN);
        expect(d.verdict).toBe(Verdict.FAILED);
        expect(d.code).toBe(code);
        expect(d.explanation).toContain(String(code));
        expect(d.explanation).toContain('raw details');
        expect(d.evidence.join('\n')).toContain('7');
      },
    );

    it('describes an entry without texts of its own by its cause', () => {
      const made = {
        code: 424242,
        title: 'Made up',
        cause: DiagnosisCause.TEMPLATE,
        retryable: false,
        retryAfterSeconds: null,
        category: errorCatalog()[0]!.category,
      };
      const { description, solution } = describeCatalogEntry(made, locale);
      expect(description).toBe(textTable(locale)['cause.TEMPLATE.explanation']);
      expect(solution).toBe(textTable(locale)['cause.TEMPLATE.solution.1']);
    });
  });

  it('describes 250 with the range’s texts', () => {
    expect(explainError(250, null, Locale.EN).explanation).toContain('200 to 299');
  });
});

describe('texts', () => {
  const ids = Object.keys(EN) as (keyof typeof EN)[];

  it('have a non-empty string for every id in both locales, and no extra ids', () => {
    expect(Object.keys(ZH_TW).sort()).toEqual([...ids].sort());
    for (const id of ids) {
      expect(EN[id].trim()).not.toBe('');
      expect(ZH_TW[id].trim()).not.toBe('');
    }
  });

  it.each(ids)('%s uses the same {params} in both locales', (id) => {
    expect(paramsOf(ZH_TW[id])).toEqual(paramsOf(EN[id]));
  });

  it('name every text a cause refers to', () => {
    for (const cause of Object.values(DiagnosisCause)) {
      const t = CAUSE_TEXTS[cause];
      for (const id of [t.title, t.explanation, ...t.possibleCauses, ...t.solutions, ...t.endUserSteps]) {
        expect(ids).toContain(id);
      }
    }
  });

  it('use Taiwanese terms in Traditional Chinese', () => {
    const all = Object.values(ZH_TW).join('');
    for (const word of ['訊息', '顧客', '商家', '權杖']) expect(all).toContain(word);
    // Simplified forms or mainland wording would read wrong to a Taiwanese agent.
    for (const word of ['信息', '用户', '令牌', '消息']) expect(all).not.toContain(word);
  });
});
