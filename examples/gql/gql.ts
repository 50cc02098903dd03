/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment DiagnosisFields on Diagnosis {\n    verdict\n    cause\n    code\n    title\n    explanation\n    solutions\n    endUserSteps\n    retryable\n    locale\n  }\n": typeof types.DiagnosisFieldsFragmentDoc,
    "\n  mutation SendTextMessage($input: SendMessageInput!, $locale: Locale!) {\n    sendMessage(input: $input) {\n      message {\n        id\n        status\n        statusHistory {\n          status\n          timestamp\n          cursor\n        }\n      }\n      error {\n        code\n        message\n        diagnosis(locale: $locale) {\n          ...DiagnosisFields\n        }\n      }\n    }\n  }\n": typeof types.SendTextMessageDocument,
    "\n  subscription FollowMessageStatus($messageId: ID!, $since: String!) {\n    messageStatusChanged(messageId: $messageId, since: $since) {\n      cursor\n      status\n      timestamp\n      message {\n        status\n      }\n    }\n  }\n": typeof types.FollowMessageStatusDocument,
    "\n  query MessageDiagnosis($id: ID!, $locale: Locale!) {\n    message(id: $id) {\n      diagnosis(locale: $locale) {\n        ...DiagnosisFields\n      }\n    }\n  }\n": typeof types.MessageDiagnosisDocument,
};
const documents: Documents = {
    "\n  fragment DiagnosisFields on Diagnosis {\n    verdict\n    cause\n    code\n    title\n    explanation\n    solutions\n    endUserSteps\n    retryable\n    locale\n  }\n": types.DiagnosisFieldsFragmentDoc,
    "\n  mutation SendTextMessage($input: SendMessageInput!, $locale: Locale!) {\n    sendMessage(input: $input) {\n      message {\n        id\n        status\n        statusHistory {\n          status\n          timestamp\n          cursor\n        }\n      }\n      error {\n        code\n        message\n        diagnosis(locale: $locale) {\n          ...DiagnosisFields\n        }\n      }\n    }\n  }\n": types.SendTextMessageDocument,
    "\n  subscription FollowMessageStatus($messageId: ID!, $since: String!) {\n    messageStatusChanged(messageId: $messageId, since: $since) {\n      cursor\n      status\n      timestamp\n      message {\n        status\n      }\n    }\n  }\n": types.FollowMessageStatusDocument,
    "\n  query MessageDiagnosis($id: ID!, $locale: Locale!) {\n    message(id: $id) {\n      diagnosis(locale: $locale) {\n        ...DiagnosisFields\n      }\n    }\n  }\n": types.MessageDiagnosisDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DiagnosisFields on Diagnosis {\n    verdict\n    cause\n    code\n    title\n    explanation\n    solutions\n    endUserSteps\n    retryable\n    locale\n  }\n"): typeof import('./graphql').DiagnosisFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SendTextMessage($input: SendMessageInput!, $locale: Locale!) {\n    sendMessage(input: $input) {\n      message {\n        id\n        status\n        statusHistory {\n          status\n          timestamp\n          cursor\n        }\n      }\n      error {\n        code\n        message\n        diagnosis(locale: $locale) {\n          ...DiagnosisFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SendTextMessageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FollowMessageStatus($messageId: ID!, $since: String!) {\n    messageStatusChanged(messageId: $messageId, since: $since) {\n      cursor\n      status\n      timestamp\n      message {\n        status\n      }\n    }\n  }\n"): typeof import('./graphql').FollowMessageStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessageDiagnosis($id: ID!, $locale: Locale!) {\n    message(id: $id) {\n      diagnosis(locale: $locale) {\n        ...DiagnosisFields\n      }\n    }\n  }\n"): typeof import('./graphql').MessageDiagnosisDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
