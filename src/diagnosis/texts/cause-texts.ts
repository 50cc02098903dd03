import { DiagnosisCause } from '../diagnosis-cause';
import { LinkId } from '../knowledge/links';
import { type MessageId } from './en';

/** Which texts make up the diagnosis of one cause. */
export interface CauseTexts {
  title: MessageId;
  explanation: MessageId;
  possibleCauses: readonly MessageId[];
  solutions: readonly MessageId[];
  endUserSteps: readonly MessageId[];
  links: readonly LinkId[];
}

/** Seed, "Possible solutions": what to ask the WhatsApp user through another channel, for every recipient-side cause. */
const RECIPIENT_STEPS: readonly MessageId[] = [
  'step.canMessageBusiness',
  'step.notBlocked',
  'step.acceptTerms',
  'step.updateClient',
];

const RELIABILITY_LINKS: readonly LinkId[] = [LinkId.STATUS_PAGE, LinkId.DIRECT_SUPPORT];
const TOKEN_LINKS: readonly LinkId[] = [LinkId.TOKEN_DEBUGGER, LinkId.TROUBLESHOOTING];

const texts = (
  cause: DiagnosisCause,
  counts: { possible?: number; solutions?: number },
  endUserSteps: readonly MessageId[],
  links: readonly LinkId[],
): CauseTexts => {
  const ids = (kind: string, n = 0) =>
    Array.from({ length: n }, (_, i) => `cause.${cause}.${kind}.${i + 1}` as MessageId);
  return {
    title: `cause.${cause}.title` as MessageId,
    explanation: `cause.${cause}.explanation` as MessageId,
    possibleCauses: ids('possible', counts.possible),
    solutions: ids('solution', counts.solutions),
    endUserSteps,
    links,
  };
};

const C = DiagnosisCause;

/** One entry per cause (a Record, so a new cause does not compile until it has its texts). */
export const CAUSE_TEXTS: Readonly<Record<DiagnosisCause, CauseTexts>> = {
  [C.NONE]: texts(C.NONE, {}, [], []),
  [C.RECIPIENT_OFFLINE]: texts(
    C.RECIPIENT_OFFLINE,
    { possible: 2, solutions: 3 },
    ['step.goOnline', ...RECIPIENT_STEPS],
    [LinkId.TROUBLESHOOTING],
  ),
  [C.OFFLINE_EXPIRED]: texts(C.OFFLINE_EXPIRED, { possible: 1, solutions: 2 }, RECIPIENT_STEPS, [
    LinkId.TROUBLESHOOTING,
    LinkId.TEMPLATES,
  ]),
  [C.RECIPIENT_UNREACHABLE]: texts(C.RECIPIENT_UNREACHABLE, { possible: 5, solutions: 2 }, RECIPIENT_STEPS, [
    LinkId.TERMS_OF_SERVICE,
    LinkId.TROUBLESHOOTING,
  ]),
  [C.TERMS_NOT_ACCEPTED]: texts(
    C.TERMS_NOT_ACCEPTED,
    { solutions: 1 },
    ['step.acceptTerms', 'step.canMessageBusiness'],
    [LinkId.TERMS_OF_SERVICE],
  ),
  [C.OUTDATED_CLIENT]: texts(
    C.OUTDATED_CLIENT,
    { solutions: 1 },
    ['step.updateClient'],
    [LinkId.TROUBLESHOOTING],
  ),
  [C.EXPERIMENT_GROUP]: texts(C.EXPERIMENT_GROUP, { solutions: 1 }, [], [LinkId.ERROR_CODES]),
  [C.MARKETING_LIMIT]: texts(C.MARKETING_LIMIT, { possible: 2, solutions: 4 }, [], [LinkId.TEMPLATES]),
  [C.SANCTIONED_REGION]: texts(C.SANCTIONED_REGION, { solutions: 3 }, [], [LinkId.TROUBLESHOOTING]),
  [C.ACCOUNT_RESTRICTED]: texts(
    C.ACCOUNT_RESTRICTED,
    { solutions: 3 },
    [],
    [LinkId.POLICY_ENFORCEMENT, LinkId.HEALTH_STATUS, LinkId.TROUBLESHOOTING],
  ),
  [C.INVALID_REQUEST]: texts(C.INVALID_REQUEST, { solutions: 2 }, [], [LinkId.ERROR_CODES]),
  [C.INTEGRATION_ERROR]: texts(C.INTEGRATION_ERROR, { solutions: 2 }, [], [LinkId.HEALTH_STATUS]),
  [C.SERVICE_DOWNTIME]: texts(C.SERVICE_DOWNTIME, { possible: 3, solutions: 3 }, [], RELIABILITY_LINKS),
  [C.ACCESS_TOKEN]: texts(C.ACCESS_TOKEN, { possible: 3, solutions: 3 }, [], TOKEN_LINKS),
  [C.PERMISSION_MISSING]: texts(C.PERMISSION_MISSING, { solutions: 3 }, [], TOKEN_LINKS),
  [C.RATE_LIMITED]: texts(C.RATE_LIMITED, { solutions: 3 }, [], [LinkId.THROUGHPUT]),
  [C.REENGAGEMENT_WINDOW]: texts(
    C.REENGAGEMENT_WINDOW,
    { solutions: 2 },
    [],
    [LinkId.CUSTOMER_SERVICE_WINDOW, LinkId.TEMPLATES],
  ),
  [C.TEMPLATE]: texts(C.TEMPLATE, { solutions: 2 }, [], [LinkId.TEMPLATES]),
  [C.MEDIA]: texts(C.MEDIA, { solutions: 2 }, ['step.resendMedia'], [LinkId.ERROR_CODES]),
  [C.PHONE_NUMBER]: texts(C.PHONE_NUMBER, { solutions: 2 }, [], [LinkId.TROUBLESHOOTING]),
  [C.MULTI_DEVICE_CONFLICT]: texts(
    C.MULTI_DEVICE_CONFLICT,
    { solutions: 2 },
    ['step.updateAllDevices'],
    [LinkId.TROUBLESHOOTING],
  ),
  [C.UNKNOWN]: texts(C.UNKNOWN, { solutions: 3 }, [], [...RELIABILITY_LINKS, LinkId.ERROR_CODES]),
};
