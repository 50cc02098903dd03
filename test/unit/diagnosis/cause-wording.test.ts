import { DiagnosisCause as C } from '../../../src/diagnosis';
import {
  CAUSE_TEXTS,
  causeTextIds,
  EN,
  EN_CAUSES,
  flattenCauseWording,
  type TranslationOf,
  ZH_TW,
  ZH_TW_CAUSES,
} from '../../../src/diagnosis/texts';

type Translation = TranslationOf<typeof EN_CAUSES>;

/**
 * What must not compile: `npm run typecheck` fails on an `@ts-expect-error` that has no error to expect,
 * so each line below proves that the mistake it makes is caught by the types.
 */
export const translationsThatDoNotCompile: Translation[] = [
  {
    ...ZH_TW_CAUSES,
    // @ts-expect-error one solution more than English has (MEDIA has two)
    [C.MEDIA]: { ...ZH_TW_CAUSES[C.MEDIA], solutions: ['一', '二', '三'] },
  },
  {
    ...ZH_TW_CAUSES,
    // @ts-expect-error one possible cause fewer than English has (RECIPIENT_OFFLINE has two)
    [C.RECIPIENT_OFFLINE]: { ...ZH_TW_CAUSES[C.RECIPIENT_OFFLINE], possible: ['一'] },
  },
];

// @ts-expect-error a locale without one of the causes
export const translationMissingACause: Translation = (({ [C.MEDIA]: _media, ...rest }) => rest)(ZH_TW_CAUSES);

describe('cause wording', () => {
  it('numbers possible causes and solutions from 1, in the order written', () => {
    expect(causeTextIds(EN_CAUSES, C.RECIPIENT_OFFLINE)).toEqual({
      title: 'cause.RECIPIENT_OFFLINE.title',
      explanation: 'cause.RECIPIENT_OFFLINE.explanation',
      possibleCauses: ['cause.RECIPIENT_OFFLINE.possible.1', 'cause.RECIPIENT_OFFLINE.possible.2'],
      solutions: [
        'cause.RECIPIENT_OFFLINE.solution.1',
        'cause.RECIPIENT_OFFLINE.solution.2',
        'cause.RECIPIENT_OFFLINE.solution.3',
      ],
    });
  });

  it('flattens to id → text, each text under the id of its place', () => {
    const flat = flattenCauseWording(EN_CAUSES);
    expect(flat['cause.OFFLINE_EXPIRED.solution.2']).toBe(EN_CAUSES[C.OFFLINE_EXPIRED].solutions[1]);
    expect(flat['cause.NONE.title']).toBe('No problem found');
    expect(Object.keys(flat).filter((id) => id.startsWith('cause.NONE.'))).toEqual([
      'cause.NONE.title',
      'cause.NONE.explanation',
    ]);
  });

  it('shows every entry of every cause: no text is left out of the diagnosis', () => {
    for (const cause of Object.values(C)) {
      const shown = CAUSE_TEXTS[cause];
      expect(shown.possibleCauses.map((id) => EN[id])).toEqual(EN_CAUSES[cause].possible);
      expect(shown.solutions.map((id) => EN[id])).toEqual(EN_CAUSES[cause].solutions);
      expect(shown.possibleCauses.map((id) => ZH_TW[id])).toEqual(ZH_TW_CAUSES[cause].possible);
      expect(shown.solutions.map((id) => ZH_TW[id])).toEqual(ZH_TW_CAUSES[cause].solutions);
    }
  });

  it('has as many entries per cause in both locales (the runtime face of the type check)', () => {
    for (const cause of Object.values(C)) {
      expect(ZH_TW_CAUSES[cause].possible).toHaveLength(EN_CAUSES[cause].possible.length);
      expect(ZH_TW_CAUSES[cause].solutions).toHaveLength(EN_CAUSES[cause].solutions.length);
    }
  });
});
