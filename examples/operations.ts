import { graphql } from './gql';

// The fields a UI shows to explain a failure; shared by the send's rejection and the message's diagnosis.
export const DiagnosisFields = graphql(`
  fragment DiagnosisFields on Diagnosis {
    verdict
    cause
    code
    title
    explanation
    solutions
    endUserSteps
    retryable
    locale
  }
`);

export const SendTextMessage = graphql(`
  mutation SendTextMessage($input: SendMessageInput!, $locale: Locale!) {
    sendMessage(input: $input) {
      message {
        id
        status
        statusHistory {
          status
          timestamp
          cursor
        }
      }
      error {
        code
        message
        diagnosis(locale: $locale) {
          ...DiagnosisFields
        }
      }
    }
  }
`);

export const FollowMessageStatus = graphql(`
  subscription FollowMessageStatus($messageId: ID!, $since: String!) {
    messageStatusChanged(messageId: $messageId, since: $since) {
      cursor
      status
      timestamp
      message {
        status
      }
    }
  }
`);

export const MessageDiagnosis = graphql(`
  query MessageDiagnosis($id: ID!, $locale: Locale!) {
    message(id: $id) {
      diagnosis(locale: $locale) {
        ...DiagnosisFields
      }
    }
  }
`);
