import { TemplateFailure } from '../templates/template-failure';
import { type CauseWording, type Positions, type SameCount } from './cause-wording';

/**
 * The wording of every template failure in one locale, the same shape as a cause's: a failure without
 * wording does not compile.
 */
export type TemplateFailureWordingTable = Readonly<Record<TemplateFailure, CauseWording>>;

/** Another locale's wording of `Source`: the same failures, as many possible causes and solutions each. */
export type TemplateFailureTranslationOf<Source extends TemplateFailureWordingTable> = {
  readonly [F in TemplateFailure]: {
    readonly title: string;
    readonly explanation: string;
    readonly possible: SameCount<Source[F]['possible']>;
    readonly solutions: SameCount<Source[F]['solutions']>;
  };
};

/** The flat text ids: `template.<FAILURE>.title`, `.explanation`, `.possible.<n>`, `.solution.<n>`. */
export type TemplateFailureTextId<T extends TemplateFailureWordingTable> = {
  [F in TemplateFailure]:
    | `template.${F}.title`
    | `template.${F}.explanation`
    | `template.${F}.possible.${Positions<T[F]['possible']>}`
    | `template.${F}.solution.${Positions<T[F]['solutions']>}`;
}[TemplateFailure];

/** The ids of one failure's texts, in the order the diagnosis shows them. */
export interface TemplateFailureTextIds<Id extends string> {
  title: Id;
  explanation: Id;
  possibleCauses: readonly Id[];
  solutions: readonly Id[];
}

/** The ids of `failure`'s texts in `table`, numbered from 1 in the order written (as `causeTextIds`). */
export function templateFailureTextIds<T extends TemplateFailureWordingTable>(
  table: T,
  failure: TemplateFailure,
): TemplateFailureTextIds<TemplateFailureTextId<T>> {
  const wording: CauseWording = table[failure];
  // The casts state what `TemplateFailureTextId` computes from the same table.
  const id = (suffix: string) => `template.${failure}.${suffix}` as TemplateFailureTextId<T>;
  return {
    title: id('title'),
    explanation: id('explanation'),
    possibleCauses: wording.possible.map((_, i) => id(`possible.${i + 1}`)),
    solutions: wording.solutions.map((_, i) => id(`solution.${i + 1}`)),
  };
}

/** A failure wording table as flat text ids → texts, the shape `translate` reads. */
export function flattenTemplateFailureWording<T extends TemplateFailureWordingTable>(
  table: T,
): Record<TemplateFailureTextId<T>, string> {
  const entries = Object.values(TemplateFailure).flatMap((failure) => {
    const wording: CauseWording = table[failure];
    const ids = templateFailureTextIds(table, failure);
    return [
      [ids.title, wording.title],
      [ids.explanation, wording.explanation],
      ...ids.possibleCauses.map((id, i) => [id, wording.possible[i]]),
      ...ids.solutions.map((id, i) => [id, wording.solutions[i]]),
    ];
  });
  return Object.fromEntries(entries) as Record<TemplateFailureTextId<T>, string>;
}
