/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The most likely reason a message is where it is. Stable: dashboards group by it. */
export type DiagnosisCause =
  | 'ACCESS_TOKEN'
  | 'ACCOUNT_RESTRICTED'
  | 'EXPERIMENT_GROUP'
  | 'INTEGRATION_ERROR'
  | 'INVALID_REQUEST'
  | 'MARKETING_LIMIT'
  | 'MEDIA'
  | 'MULTI_DEVICE_CONFLICT'
  | 'NONE'
  | 'OFFLINE_EXPIRED'
  | 'OUTDATED_CLIENT'
  | 'PERMISSION_MISSING'
  | 'PHONE_NUMBER'
  | 'RATE_LIMITED'
  | 'RECIPIENT_OFFLINE'
  | 'RECIPIENT_UNREACHABLE'
  | 'REENGAGEMENT_WINDOW'
  | 'SANCTIONED_REGION'
  | 'SERVICE_DOWNTIME'
  | 'TEMPLATE'
  | 'TERMS_NOT_ACCEPTED'
  | 'UNKNOWN';

/** The language of human-readable texts. */
export type Locale =
  /** English */
  | 'EN'
  /** Traditional Chinese (Taiwan) */
  | 'ZH_TW';

/** Media by a public link or by the id of an uploaded file: one of the two. */
export type MediaInput = {
  /** A caption (images, videos, documents), up to 1,024 characters. */
  caption?: string | null | undefined;
  /** The file name shown for a document. */
  filename?: string | null | undefined;
  /** The id of media uploaded to the Cloud API. */
  id?: string | number | null | undefined;
  /** An HTTPS URL Meta can fetch. */
  link?: string | null | undefined;
};

/** Where a message is, after the ordering and conflict rules are applied to every status Meta reported. */
export type MessageStatus =
  /** The Cloud API accepted the send; no delivery status yet. */
  | 'ACCEPTED'
  /** The customer deleted it. */
  | 'DELETED'
  /** Reached at least one of the customer’s devices. */
  | 'DELIVERED'
  /** Could not be delivered; see `errors` and `diagnosis`. */
  | 'FAILED'
  /** Held by Meta for a quality assessment before sending (marketing templates). */
  | 'HELD'
  /** The customer played the voice message. */
  | 'PLAYED'
  /** The customer opened it. */
  | 'READ'
  /** Left Meta's servers; not yet on the customer's device. */
  | 'SENT'
  /** Meta reported a warning (for example about a catalogue item). */
  | 'WARNING';

/** A reaction to a message. */
export type ReactionInput = {
  /** The emoji; an empty string removes the reaction. */
  emoji: string;
  /** The wamid of the message reacted to. */
  messageId: string | number;
};

/** A message to send. Give exactly one content field. */
export type SendMessageInput = {
  /** An audio file. */
  audio?: MediaInput | null | undefined;
  /** A document. */
  document?: MediaInput | null | undefined;
  /** Any unique string, the caller's own: a retried call with the same key returns the first result instead of sending again. If the first call timed out, the key answers UPSTREAM_TIMEOUT with `outcomeUnknown: true` (the message may have gone out); use a new key to send anyway. */
  idempotencyKey?: string | null | undefined;
  /** An image. */
  image?: MediaInput | null | undefined;
  /** An interactive message (buttons, list, CTA URL, …) in Meta's `interactive` format. */
  interactive?: Record<string, unknown> | null | undefined;
  /** The business phone number id to send from; the configured sender by default. */
  phoneNumberId?: string | number | null | undefined;
  /** A reaction to another message. */
  reaction?: ReactionInput | null | undefined;
  /** The wamid of the message this one replies to. */
  replyTo?: string | number | null | undefined;
  /** A sticker. */
  sticker?: MediaInput | null | undefined;
  /** Template content (needed outside the 24-hour window). */
  template?: TemplateInput | null | undefined;
  /** Text content. */
  text?: TextInput | null | undefined;
  /** The recipient: a phone number in E.164, for example `+886912345678` (the `+` is optional), or a business-scoped user id, for example `US.13491208655302741918`. */
  to: string;
  /** A video. */
  video?: MediaInput | null | undefined;
};

/** An approved message template. */
export type TemplateInput = {
  /** The template's components with their parameters, in Meta's format. */
  components?: Array<Record<string, unknown>> | null | undefined;
  /** The language and locale code, for example `en_US` or `zh_TW`. */
  languageCode: string;
  /** The template name. */
  name: string;
};

/** A text message. */
export type TextInput = {
  /** The text, 1 to 4,096 characters (an emoji counts as one). */
  body: string;
  /** Show a preview of the first URL in the text. */
  previewUrl?: boolean | null | undefined;
};

/** The one-word answer of a diagnosis. */
export type Verdict =
  /** Partly delivered or likely to fail; worth a look. */
  | 'AT_RISK'
  /** It will not arrive as it is. */
  | 'FAILED'
  /** Nothing is wrong. */
  | 'OK'
  /** Not delivered yet, and it still may be. */
  | 'PENDING'
  /** The evidence does not say; the raw facts are listed. */
  | 'UNKNOWN';

export type DiagnosisFieldsFragment = { verdict: Verdict, cause: DiagnosisCause, code: number | null, title: string, explanation: string, solutions: Array<string>, endUserSteps: Array<string>, retryable: boolean, locale: Locale };

export type SendTextMessageMutationVariables = Exact<{
  input: SendMessageInput;
  locale: Locale;
}>;


export type SendTextMessageMutation = { sendMessage: { message: { id: string, status: MessageStatus, statusHistory: Array<{ status: MessageStatus, timestamp: string, cursor: string }> } | null, error: { code: number, message: string, diagnosis: { verdict: Verdict, cause: DiagnosisCause, code: number | null, title: string, explanation: string, solutions: Array<string>, endUserSteps: Array<string>, retryable: boolean, locale: Locale } } | null } };

export type FollowMessageStatusSubscriptionVariables = Exact<{
  messageId: string | number;
  since: string;
}>;


export type FollowMessageStatusSubscription = { messageStatusChanged: { cursor: string, status: MessageStatus, timestamp: string, message: { status: MessageStatus } } };

export type MessageDiagnosisQueryVariables = Exact<{
  id: string | number;
  locale: Locale;
}>;


export type MessageDiagnosisQuery = { message: { diagnosis: { verdict: Verdict, cause: DiagnosisCause, code: number | null, title: string, explanation: string, solutions: Array<string>, endUserSteps: Array<string>, retryable: boolean, locale: Locale } } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const DiagnosisFieldsFragmentDoc = new TypedDocumentString(`
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
    `, {"fragmentName":"DiagnosisFields"}) as unknown as TypedDocumentString<DiagnosisFieldsFragment, unknown>;
export const SendTextMessageDocument = new TypedDocumentString(`
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
}`) as unknown as TypedDocumentString<SendTextMessageMutation, SendTextMessageMutationVariables>;
export const FollowMessageStatusDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<FollowMessageStatusSubscription, FollowMessageStatusSubscriptionVariables>;
export const MessageDiagnosisDocument = new TypedDocumentString(`
    query MessageDiagnosis($id: ID!, $locale: Locale!) {
  message(id: $id) {
    diagnosis(locale: $locale) {
      ...DiagnosisFields
    }
  }
}
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
}`) as unknown as TypedDocumentString<MessageDiagnosisQuery, MessageDiagnosisQueryVariables>;