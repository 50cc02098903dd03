/**
 * GraphQL documents and assertions shared by the diagnosis tests (in-process and built-process): each
 * diagnosis is asked for in both locales at once, so every test checks both texts.
 */

/** The fields of a `Diagnosis`, as a fragment spread into `en:` and `zh:` aliases. */
export const DIAGNOSIS_FRAGMENT = /* GraphQL */ `
  fragment D on Diagnosis {
    verdict
    cause
    code
    title
    explanation
    possibleCauses
    solutions
    endUserSteps
    retryable
    retryAfterSeconds
    links {
      title
      url
    }
    evidence
    locale
  }
`;

export const SEND = /* GraphQL */ `
  mutation Send($input: SendMessageInput!) {
    sendMessage(input: $input) {
      message {
        id
        status
      }
      error {
        code
        subcode
        details
        en: diagnosis(locale: EN) {
          ...D
        }
        zh: diagnosis(locale: ZH_TW) {
          ...D
        }
      }
    }
  }
  ${DIAGNOSIS_FRAGMENT}
`;

export const MESSAGE = /* GraphQL */ `
  query Message($id: ID!) {
    message(id: $id) {
      id
      status
      conflict
      statusHistory {
        status
      }
      en: diagnosis(locale: EN) {
        ...D
      }
      zh: diagnosis(locale: ZH_TW) {
        ...D
      }
    }
  }
  ${DIAGNOSIS_FRAGMENT}
`;

export interface DiagnosisResult {
  verdict: string;
  cause: string;
  code: number | null;
  title: string;
  explanation: string;
  possibleCauses: string[];
  solutions: string[];
  endUserSteps: string[];
  retryable: boolean;
  retryAfterSeconds: number | null;
  links: Array<{ title: string; url: string }>;
  evidence: string[];
  locale: string;
}

/** A diagnosis in both locales. */
export interface BilingualDiagnosis {
  en: DiagnosisResult;
  zh: DiagnosisResult;
}

export interface SendResult {
  sendMessage: {
    message: { id: string; status: string } | null;
    error: ({ code: number; subcode: number | null; details: string | null } & BilingualDiagnosis) | null;
  };
}

export interface MessageResult {
  message:
    | ({
        id: string;
        status: string;
        conflict: boolean;
        statusHistory: Array<{ status: string }>;
      } & BilingualDiagnosis)
    | null;
}

/** A simulator scenario recipient by its number (the last two digits, see docs/simulator.md). */
export const scenario = (lastTwo: number): string => `+120255501${String(lastTwo).padStart(2, '0')}`;

/** All the text a reader of one diagnosis sees. */
export function allText(diagnosis: DiagnosisResult): string {
  return [
    diagnosis.title,
    diagnosis.explanation,
    ...diagnosis.possibleCauses,
    ...diagnosis.solutions,
    ...diagnosis.endUserSteps,
    ...diagnosis.links.map((link) => `${link.title} ${link.url}`),
    ...diagnosis.evidence,
  ].join('\n');
}

/**
 * The same verdict, cause, code and retry advice in both locales, with texts that are present in both
 * and actually translated (a missing translation would repeat the English).
 */
export function expectBilingual(
  { en, zh }: BilingualDiagnosis,
  expected: Partial<Pick<DiagnosisResult, 'verdict' | 'cause' | 'code' | 'retryable' | 'retryAfterSeconds'>>,
): void {
  expect(en).toMatchObject({ ...expected, locale: 'EN' });
  expect(zh).toMatchObject({ ...expected, locale: 'ZH_TW' });
  for (const key of ['verdict', 'cause', 'code', 'retryable', 'retryAfterSeconds'] as const) {
    expect(zh[key]).toEqual(en[key]);
  }
  for (const key of ['title', 'explanation'] as const) {
    expect(en[key].trim()).not.toBe('');
    expect(zh[key].trim()).not.toBe('');
    expect(zh[key]).not.toBe(en[key]);
  }
  // Traditional Chinese texts are written in Han characters; English ones are not.
  expect(zh.explanation).toMatch(/\p{Script=Han}/u);
  expect(en.explanation).not.toMatch(/\p{Script=Han}/u);
  expect(zh.solutions).toHaveLength(en.solutions.length);
  expect(zh.possibleCauses).toHaveLength(en.possibleCauses.length);
  expect(zh.endUserSteps).toHaveLength(en.endUserSteps.length);
  expect(zh.links.map((link) => link.url)).toEqual(en.links.map((link) => link.url));
}
