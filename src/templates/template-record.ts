import { type EpochMillis } from '../store-kit';
import { type TemplateParameter } from './template-parameter';

/** The statuses the contract names; whatever else Meta sends is `UNKNOWN`, never a refusal to store it. */
export enum TemplateStatus {
  APPROVED = 'APPROVED',
  PENDING = 'PENDING',
  REJECTED = 'REJECTED',
  PAUSED = 'PAUSED',
  DISABLED = 'DISABLED',
  IN_APPEAL = 'IN_APPEAL',
  PENDING_DELETION = 'PENDING_DELETION',
  DELETED = 'DELETED',
  LIMIT_EXCEEDED = 'LIMIT_EXCEEDED',
  ARCHIVED = 'ARCHIVED',
  UNKNOWN = 'UNKNOWN',
}

export enum TemplateCategory {
  MARKETING = 'MARKETING',
  UTILITY = 'UTILITY',
  AUTHENTICATION = 'AUTHENTICATION',
  UNKNOWN = 'UNKNOWN',
}

export enum TemplateParameterFormat {
  POSITIONAL = 'POSITIONAL',
  NAMED = 'NAMED',
}

export enum TemplateQuality {
  GREEN = 'GREEN',
  YELLOW = 'YELLOW',
  RED = 'RED',
  UNKNOWN = 'UNKNOWN',
}

/**
 * A template as Meta's list or `GET /{template-id}` gives it, with Meta's field names turned into plain
 * camelCase. The upstream client maps its wire type to this; nothing here knows the wire.
 */
export interface TemplateDefinition {
  id: string;
  name: string;
  language: string;
  status?: string | null;
  category?: string | null;
  parameterFormat?: string | null;
  /** `quality_score.score`. */
  qualityScore?: string | null;
  rejectedReason?: string | null;
  /** Meta's component objects, kept whole. */
  components: unknown[];
}

/** One template of one business account as the gateway keeps it. */
export interface TemplateRecord {
  businessAccountId: string;
  id: string;
  name: string;
  language: string;
  status: TemplateStatus;
  category: TemplateCategory;
  parameterFormat: TemplateParameterFormat;
  quality: TemplateQuality;
  /** Meta's word for a rejection (`INVALID_FORMAT`, …), kept as sent; `null` when there is none. */
  rejectedReason: string | null;
  /** While `PAUSED`: when Meta's pause schedule lets it be sent again, when the pause's start is known. */
  pausedUntil?: EpochMillis;
  /** Pauses seen so far: Meta pauses 3 h the first time, 6 h the second, and disables it the third. */
  pauseCount: number;
  /** Meta's `disable_info.disable_date`, when the status event carried one. */
  disabledAt?: EpochMillis;
  /** A `FLAGGED` event (negative feedback, at risk of being disabled) not yet cleared by an approval. */
  flaggedAt?: EpochMillis;
  /** `correct_category` of a category update: what Meta will recategorise it to within 24 h. */
  pendingCategory?: TemplateCategory;
  /** Meta's components, kept whole: the only place their every field survives. */
  components: unknown[];
  /** What a send must fill in, read from the components once, so that the send check does not parse. */
  parameters: TemplateParameter[];
  lastSyncedAt: EpochMillis;
  statusChangedAt?: EpochMillis;
}

function enumValueOf<E extends string>(values: readonly E[], raw: unknown, unknown: E): E {
  if (typeof raw !== 'string') return unknown;
  const upper = raw.toUpperCase();
  return (values as readonly string[]).includes(upper) ? (upper as E) : unknown;
}

const STATUSES = Object.values(TemplateStatus);
const CATEGORIES = Object.values(TemplateCategory);
const QUALITIES = Object.values(TemplateQuality);

export function templateStatusOf(raw: unknown): TemplateStatus {
  return enumValueOf(STATUSES, raw, TemplateStatus.UNKNOWN);
}

/** Old payloads say `TRANSACTIONAL` for what Meta now calls `UTILITY`. */
export function templateCategoryOf(raw: unknown): TemplateCategory {
  if (typeof raw === 'string' && raw.toUpperCase() === 'TRANSACTIONAL') return TemplateCategory.UTILITY;
  return enumValueOf(CATEGORIES, raw, TemplateCategory.UNKNOWN);
}

export function templateQualityOf(raw: unknown): TemplateQuality {
  return enumValueOf(QUALITIES, raw, TemplateQuality.UNKNOWN);
}

/** Meta defaults to positional parameters when a template says nothing. */
export function templateParameterFormatOf(raw: unknown): TemplateParameterFormat {
  return typeof raw === 'string' && raw.toUpperCase() === TemplateParameterFormat.NAMED
    ? TemplateParameterFormat.NAMED
    : TemplateParameterFormat.POSITIONAL;
}

/** Meta's string for an absent rejection reason. */
const NO_REJECTION = 'NONE';

/** Meta's rejection reason as sent; `NONE` and nothing are `null`. */
export function rejectedReasonOf(raw: unknown): string | null {
  return typeof raw !== 'string' || raw === '' || raw.toUpperCase() === NO_REJECTION ? null : raw;
}

/** Whether Meta would accept a send of it at all: only approved templates can be sent. */
export function isSendable(record: TemplateRecord): boolean {
  return record.status === TemplateStatus.APPROVED;
}
