import { baseParams } from './compose-diagnosis';
import { ERROR_CATALOG, type ErrorCodeInfo } from './knowledge/error-catalog';
import { type Locale } from './locale';
import { CAUSE_TEXTS, isMessageId, translate } from './texts';

/** Every code the gateway knows, in catalogue order (copies: callers cannot alter the knowledge). */
export function errorCatalog(): ErrorCodeInfo[] {
  return ERROR_CATALOG.map((info) => ({ ...info }));
}

/**
 * The description and solution of a catalogue entry in `locale`. An entry without texts of its own (one
 * made up by a caller) falls back to its cause's explanation and first solution.
 */
export function describeCatalogEntry(
  info: ErrorCodeInfo,
  locale: Locale,
): { description: string; solution: string } {
  const params = baseParams(locale);
  const description = `code.${info.code}.description`;
  const solution = `code.${info.code}.solution`;
  const texts = CAUSE_TEXTS[info.cause];
  return {
    description: translate(locale, isMessageId(description) ? description : texts.explanation, params),
    solution: isMessageId(solution)
      ? translate(locale, solution, params)
      : (texts.solutions.map((id) => translate(locale, id, params))[0] ?? ''),
  };
}
