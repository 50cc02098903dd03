import { DiagnosisCause } from '../diagnosis-cause';
import { LinkId } from '../knowledge/links';
import { TemplateFailure } from '../templates/template-failure';
import { causeTextIds } from './cause-wording';
import { type MessageId } from './en';
import { EN_CAUSES } from './en-causes';
import { EN_TEMPLATE_FAILURES } from './en-template-failures';
import { templateFailureTextIds, type TemplateFailureTextIds } from './template-failure-wording';

/** Which texts make up the diagnosis of one cause. */
export interface CauseTexts {
  title: MessageId;
  explanation: MessageId;
  possibleCauses: readonly MessageId[];
  solutions: readonly MessageId[];
  endUserSteps: readonly MessageId[];
  links: readonly LinkId[];
}

/**
 * What to ask the WhatsApp user through another channel, for every recipient-side cause. Meta's
 * troubleshooting page: 「使用非 WhatsApp 通訊方式,要求 WhatsApp 用戶執行以下動作:」 (through a non-WhatsApp
 * channel, ask the WhatsApp user to do the following).
 */
const RECIPIENT_STEPS: readonly MessageId[] = [
  'step.canMessageBusiness',
  'step.notBlocked',
  'step.acceptTerms',
  'step.updateClient',
];

const RELIABILITY_LINKS: readonly LinkId[] = [LinkId.STATUS_PAGE, LinkId.DIRECT_SUPPORT];
const TOKEN_LINKS: readonly LinkId[] = [LinkId.TOKEN_DEBUGGER, LinkId.TROUBLESHOOTING];

/** A cause's texts: its own wording (as many entries as `en-causes.ts` has), then the shared steps and links. */
const texts = (
  cause: DiagnosisCause,
  endUserSteps: readonly MessageId[],
  links: readonly LinkId[],
): CauseTexts => ({ ...causeTextIds(EN_CAUSES, cause), endUserSteps, links });

const C = DiagnosisCause;

/** One entry per cause (a Record, so a new cause does not compile until it has its texts). */
export const CAUSE_TEXTS: Readonly<Record<DiagnosisCause, CauseTexts>> = {
  [C.NONE]: texts(C.NONE, [], []),
  [C.RECIPIENT_OFFLINE]: texts(
    C.RECIPIENT_OFFLINE,
    ['step.goOnline', ...RECIPIENT_STEPS],
    [LinkId.TROUBLESHOOTING],
  ),
  [C.OFFLINE_EXPIRED]: texts(C.OFFLINE_EXPIRED, RECIPIENT_STEPS, [LinkId.TROUBLESHOOTING, LinkId.TEMPLATES]),
  [C.RECIPIENT_UNREACHABLE]: texts(C.RECIPIENT_UNREACHABLE, RECIPIENT_STEPS, [
    LinkId.TERMS_OF_SERVICE,
    LinkId.TROUBLESHOOTING,
  ]),
  [C.TERMS_NOT_ACCEPTED]: texts(
    C.TERMS_NOT_ACCEPTED,
    ['step.acceptTerms', 'step.canMessageBusiness'],
    [LinkId.TERMS_OF_SERVICE],
  ),
  [C.OUTDATED_CLIENT]: texts(C.OUTDATED_CLIENT, ['step.updateClient'], [LinkId.TROUBLESHOOTING]),
  [C.EXPERIMENT_GROUP]: texts(C.EXPERIMENT_GROUP, [], [LinkId.ERROR_CODES]),
  [C.MARKETING_LIMIT]: texts(C.MARKETING_LIMIT, [], [LinkId.TEMPLATES]),
  [C.SANCTIONED_REGION]: texts(C.SANCTIONED_REGION, [], [LinkId.TROUBLESHOOTING]),
  [C.ACCOUNT_RESTRICTED]: texts(
    C.ACCOUNT_RESTRICTED,
    [],
    [LinkId.POLICY_ENFORCEMENT, LinkId.HEALTH_STATUS, LinkId.TROUBLESHOOTING],
  ),
  [C.INVALID_REQUEST]: texts(C.INVALID_REQUEST, [], [LinkId.ERROR_CODES]),
  [C.INTEGRATION_ERROR]: texts(C.INTEGRATION_ERROR, [], [LinkId.HEALTH_STATUS]),
  [C.SERVICE_DOWNTIME]: texts(C.SERVICE_DOWNTIME, [], RELIABILITY_LINKS),
  [C.ACCESS_TOKEN]: texts(C.ACCESS_TOKEN, [], TOKEN_LINKS),
  [C.PERMISSION_MISSING]: texts(C.PERMISSION_MISSING, [], TOKEN_LINKS),
  [C.RATE_LIMITED]: texts(C.RATE_LIMITED, [], [LinkId.THROUGHPUT]),
  [C.REENGAGEMENT_WINDOW]: texts(
    C.REENGAGEMENT_WINDOW,
    [],
    [LinkId.CUSTOMER_SERVICE_WINDOW, LinkId.TEMPLATES],
  ),
  [C.TEMPLATE]: texts(C.TEMPLATE, [], [LinkId.TEMPLATES]),
  [C.MEDIA]: texts(C.MEDIA, ['step.resendMedia'], [LinkId.ERROR_CODES]),
  [C.PHONE_NUMBER]: texts(C.PHONE_NUMBER, [], [LinkId.TROUBLESHOOTING]),
  [C.MULTI_DEVICE_CONFLICT]: texts(
    C.MULTI_DEVICE_CONFLICT,
    ['step.updateAllDevices'],
    [LinkId.TROUBLESHOOTING],
  ),
  [C.UNKNOWN]: texts(C.UNKNOWN, [], [...RELIABILITY_LINKS, LinkId.ERROR_CODES]),
};

/**
 * One entry per template failure: its title, explanation, possible causes and solutions replace those of
 * the finding's cause (TEMPLATE, or INVALID_REQUEST for 131008 and 100); the cause keeps its steps and links.
 */
export const TEMPLATE_FAILURE_TEXTS: Readonly<Record<TemplateFailure, TemplateFailureTextIds<MessageId>>> =
  Object.fromEntries(
    Object.values(TemplateFailure).map((failure) => [
      failure,
      templateFailureTextIds(EN_TEMPLATE_FAILURES, failure),
    ]),
  ) as Record<TemplateFailure, TemplateFailureTextIds<MessageId>>;
