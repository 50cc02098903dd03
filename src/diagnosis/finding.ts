import { type DiagnosisCause } from './diagnosis-cause';
import { type TemplateFailure } from './templates/template-failure';
import { type MessageId, type TextParams } from './texts';
import { type Verdict } from './verdict';

/** One fact a rule relied on, as a text id and its parameters (rendered in the caller's locale). */
export interface Fact {
  id: MessageId;
  params?: TextParams;
}

/** What one rule concluded. The strongest finding becomes the diagnosis; the others are listed as evidence. */
export interface Finding {
  /** The name of the rule that made it. */
  rule: string;
  cause: DiagnosisCause;
  verdict: Verdict;
  /** See `Strength`. Ties go to the rule earlier in the registry. */
  strength: number;
  /** The Meta error code behind the finding. */
  code?: number;
  retryable: boolean;
  retryAfterSeconds: number | null;
  facts: Fact[];
  /** Parameters for the cause texts (e.g. `details` for INVALID_REQUEST). */
  params?: TextParams;
  /** Replaces the cause's title and explanation, for findings that are not a failure (accepted, delivered…). */
  headline?: { title: MessageId; explanation: MessageId };
  /** A template failure: its own wording replaces the cause's title, explanation, possible causes and solutions. */
  templateFailure?: TemplateFailure;
}

/**
 * How much a finding weighs. Direct evidence beats inference: a recipient certainly in a sanctioned
 * country explains a 131026 better than 131026's own candidates do; a delivery on one device beats a
 * failure on another (Meta: a message that triggered `delivered` reached at least one device); Meta's
 * error code beats what the status history suggests; background facts (a valid token, a healthy account)
 * never win over a problem.
 */
export const Strength = {
  SANCTIONED_CERTAIN: 95,
  SANCTIONED_LIKELY: 90,
  CONFLICT: 88,
  TOKEN_PROBLEM: 85,
  /** Meta's template code with the template's own facts: it says more than the code alone. */
  TEMPLATE_EVIDENCE: 82,
  ERROR_CODE: 80,
  TRANSPORT: 75,
  HEALTH_PROBLEM: 70,
  STATUS: 50,
  HEALTH_SIDE: 45,
  SANCTIONED_POSSIBLE: 40,
  CANDIDATE: 30,
  TOKEN_SIDE: 25,
  DELIVERED: 10,
  BACKGROUND: 5,
} as const;
