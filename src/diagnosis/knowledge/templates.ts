import { HOUR_MS } from './windows';

/**
 * Meta's template guidelines: a template whose quality reaches the lowest rating is paused, each time for
 * longer: 3 hours the first time, 6 hours the second; the third time it is disabled for good (132016).
 */
export const FIRST_PAUSE_HOURS = 3;
export const SECOND_PAUSE_HOURS = 6;
export const PAUSES_BEFORE_DISABLED = 2;
export const PAUSE_HOURS: readonly number[] = [FIRST_PAUSE_HOURS, SECOND_PAUSE_HOURS];
export const FIRST_PAUSE_MS = FIRST_PAUSE_HOURS * HOUR_MS;

/** Meta's limits on a filled-in template (132005): the body and a text header. */
export const TEMPLATE_BODY_MAX_CHARS = 1024;
export const TEMPLATE_HEADER_TEXT_MAX_CHARS = 60;

/** Meta refuses text parameters with more than this many spaces in a row (132018). */
export const TEMPLATE_TEXT_MAX_SPACES = 4;
