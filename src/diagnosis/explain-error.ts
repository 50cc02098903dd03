import { type Diagnosis } from './diagnosis';
import { diagnose } from './diagnose';
import { type Locale } from './locale';

/**
 * The diagnosis of a lone Cloud API error code (with its subcode and Meta's details when known), as if a
 * send had been rejected with it. Codes outside the catalogue give UNKNOWN with the raw code. No clock is
 * needed: nothing here depends on time.
 */
export function explainError(
  code: number,
  subcode: number | null,
  locale: Locale,
  details?: string,
): Diagnosis {
  return diagnose(
    {
      now: 0,
      sendError: {
        code,
        ...(subcode !== null ? { subcode } : {}),
        message: '',
        ...(details !== undefined ? { details } : {}),
      },
    },
    locale,
  );
}
