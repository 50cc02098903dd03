/**
 * Why a template send failed, or why a template cannot be sent: each value has its own wording (title,
 * explanation, possible causes, solutions) in `texts/en-template-failures.ts`, in place of the generic
 * TEMPLATE cause's. Values equal names.
 */
export enum TemplateFailure {
  /** 132000. */
  PARAMETER_COUNT = 'PARAMETER_COUNT',
  /** 132001. */
  NOT_FOUND = 'NOT_FOUND',
  /** 132005. */
  TEXT_TOO_LONG = 'TEXT_TOO_LONG',
  /** 132007. */
  FORMAT_POLICY = 'FORMAT_POLICY',
  /** 132012. */
  PARAMETER_FORMAT = 'PARAMETER_FORMAT',
  /** 132015. */
  PAUSED = 'PAUSED',
  /** 132016. */
  DISABLED = 'DISABLED',
  /** 132018. */
  PARAMETER_TEXT = 'PARAMETER_TEXT',
  /** 131008 on a template send. */
  PARAMETER_MISSING = 'PARAMETER_MISSING',
  /** 100 on a named template sent without `parameter_name`. */
  PARAMETER_NAME_MISSING = 'PARAMETER_NAME_MISSING',
  // Why a template is not sendable (its own diagnosis, `diagnoseTemplate`).
  PENDING = 'PENDING',
  REJECTED = 'REJECTED',
  IN_APPEAL = 'IN_APPEAL',
  PENDING_DELETION = 'PENDING_DELETION',
  DELETED = 'DELETED',
  LIMIT_EXCEEDED = 'LIMIT_EXCEEDED',
  ARCHIVED = 'ARCHIVED',
  STATUS_UNKNOWN = 'STATUS_UNKNOWN',
  /** Sendable, but the quality is YELLOW or RED: a RED pause may follow. */
  LOW_QUALITY = 'LOW_QUALITY',
}
