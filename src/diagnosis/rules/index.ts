import { accountHealthRule } from './account-health.rule';
import { awaitingStatusRule } from './awaiting-status.rule';
import { customerServiceWindowRule } from './customer-service-window.rule';
import { deliveredRule } from './delivered.rule';
import { deliveryConflictRule } from './delivery-conflict.rule';
import { marketingOptOutRule } from './marketing-opt-out.rule';
import { otherStatusRule } from './other-status.rule';
import { type DiagnosisRule } from './rule';
import { sanctionedRecipientRule } from './sanctioned-recipient.rule';
import { sanctionedSenderRule } from './sanctioned-sender.rule';
import { sendErrorRule } from './send-error.rule';
import { sentNotDeliveredRule } from './sent-not-delivered.rule';
import { statusErrorRule } from './status-error.rule';
import { templateParamCountRule } from './template-param-count.rule';
import { templateNotFoundRule } from './template-not-found.rule';
import { templateTextTooLongRule } from './template-text-too-long.rule';
import { templateFormatPolicyRule } from './template-format-policy.rule';
import { templateParamFormatRule } from './template-param-format.rule';
import { templatePausedRule } from './template-paused.rule';
import { templateDisabledRule } from './template-disabled.rule';
import { templateParamTextRule } from './template-param-text.rule';
import { templateParamMissingRule } from './template-param-missing.rule';
import { templateParamNameRule } from './template-param-name.rule';
import { tokenDebugRule } from './token-debug.rule';
import { transportFailureRule } from './transport-failure.rule';
import { undeliverableCandidatesRule } from './undeliverable-candidates.rule';

/**
 * Every rule, in order. Each runs on every diagnosis; the strongest finding wins, and on equal strength the
 * rule listed first. Place-based rules come first (they explain the rest), then what Meta said (errors, and the template's facts behind a template code),
 * then what the clock and the status history suggest, then background facts.
 */
export const DIAGNOSIS_RULES: readonly DiagnosisRule[] = [
  sanctionedRecipientRule,
  sanctionedSenderRule,
  deliveryConflictRule,
  tokenDebugRule,
  sendErrorRule,
  statusErrorRule,
  templateParamCountRule,
  templateNotFoundRule,
  templateTextTooLongRule,
  templateFormatPolicyRule,
  templateParamFormatRule,
  templatePausedRule,
  templateDisabledRule,
  templateParamTextRule,
  templateParamMissingRule,
  templateParamNameRule,
  customerServiceWindowRule,
  marketingOptOutRule,
  undeliverableCandidatesRule,
  transportFailureRule,
  accountHealthRule,
  sentNotDeliveredRule,
  awaitingStatusRule,
  otherStatusRule,
  deliveredRule,
];

export { errorCodeFinding, subcodeFacts, type ErrorOccurrence } from './error-code-finding';
export { isAuthErrorCode, missingPermissions } from './token-debug.rule';
export { type DiagnosisRule } from './rule';
export {
  accountHealthRule,
  awaitingStatusRule,
  customerServiceWindowRule,
  deliveredRule,
  deliveryConflictRule,
  marketingOptOutRule,
  otherStatusRule,
  sanctionedRecipientRule,
  sanctionedSenderRule,
  sendErrorRule,
  sentNotDeliveredRule,
  statusErrorRule,
  templateDisabledRule,
  templateFormatPolicyRule,
  templateNotFoundRule,
  templateParamCountRule,
  templateParamFormatRule,
  templateParamMissingRule,
  templateParamNameRule,
  templateParamTextRule,
  templatePausedRule,
  templateTextTooLongRule,
  tokenDebugRule,
  transportFailureRule,
  undeliverableCandidatesRule,
};
