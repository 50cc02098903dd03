import { type DiagnosisCause } from '../diagnosis-cause';

/** What a diagnosis says about one cause, in one locale. `{name}` is replaced by a parameter. */
export interface CauseWording {
  readonly title: string;
  readonly explanation: string;
  /** What may lie behind the cause, most likely first (the diagnosis's `possibleCauses`). */
  readonly possible: readonly string[];
  /** What the business can do, first things first. */
  readonly solutions: readonly string[];
}

/** The wording of every cause in one locale: a cause without wording does not compile. */
export type CauseWordingTable = Readonly<Record<DiagnosisCause, CauseWording>>;

/** Strings as many as in `T`. Generic on purpose: a mapped type keeps a tuple's length only when generic. */
export type SameCount<T extends readonly string[]> = { readonly [I in keyof T]: string };

/**
 * The wording of another locale for the causes of `Source`: the same causes, and for each cause as many
 * possible causes and solutions as `Source` has. One entry more or fewer does not compile, so no text is
 * left unshown and no diagnosis is shorter in one language than in the other.
 */
export type TranslationOf<Source extends CauseWordingTable> = {
  readonly [C in DiagnosisCause]: {
    readonly title: string;
    readonly explanation: string;
    readonly possible: SameCount<Source[C]['possible']>;
    readonly solutions: SameCount<Source[C]['solutions']>;
  };
};

/** The 1-based positions of a tuple's entries, as strings: `'1' | '2'` for two entries, `never` for none. */
export type Positions<T extends readonly unknown[]> = Exclude<
  Extract<keyof [unknown, ...T], `${number}`>,
  '0'
>;

/** The flat text ids of a wording table: `cause.<CAUSE>.title`, `.explanation`, `.possible.<n>`, `.solution.<n>`. */
export type CauseTextId<T extends CauseWordingTable> = {
  [C in DiagnosisCause]:
    | `cause.${C}.title`
    | `cause.${C}.explanation`
    | `cause.${C}.possible.${Positions<T[C]['possible']>}`
    | `cause.${C}.solution.${Positions<T[C]['solutions']>}`;
}[DiagnosisCause];

/** The ids of one cause's texts, in the order the diagnosis shows them. */
export interface CauseTextIds<Id extends string> {
  title: Id;
  explanation: Id;
  possibleCauses: readonly Id[];
  solutions: readonly Id[];
}

/**
 * The ids of `cause`'s texts in `table`, numbered from 1 in the order written. The one place ids are made
 * from the wording: `flattenCauseWording` uses it too, so an id here always names a text there.
 */
export function causeTextIds<T extends CauseWordingTable>(
  table: T,
  cause: DiagnosisCause,
): CauseTextIds<CauseTextId<T>> {
  const wording: CauseWording = table[cause];
  // The casts state what `CauseTextId` computes from the same table; TypeScript cannot follow `i + 1`.
  const id = (suffix: string) => `cause.${cause}.${suffix}` as CauseTextId<T>;
  return {
    title: id('title'),
    explanation: id('explanation'),
    possibleCauses: wording.possible.map((_, i) => id(`possible.${i + 1}`)),
    solutions: wording.solutions.map((_, i) => id(`solution.${i + 1}`)),
  };
}

/** A wording table as flat text ids → texts, the shape `translate` reads. */
export function flattenCauseWording<T extends CauseWordingTable>(table: T): Record<CauseTextId<T>, string> {
  const entries = (Object.keys(table) as DiagnosisCause[]).flatMap((cause) => {
    const wording: CauseWording = table[cause];
    const ids = causeTextIds(table, cause);
    return [
      [ids.title, wording.title],
      [ids.explanation, wording.explanation],
      ...ids.possibleCauses.map((id, i) => [id, wording.possible[i]]),
      ...ids.solutions.map((id, i) => [id, wording.solutions[i]]),
    ];
  });
  return Object.fromEntries(entries) as Record<CauseTextId<T>, string>;
}
