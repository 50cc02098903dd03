import { type TemplateDetectedBy, type TemplateEvidence } from '../../diagnosis';
import {
  summariseSend,
  type TemplateProblem,
  type TemplateRecord,
  type TemplateSendFields,
} from '../../templates';

/** A template's facts as the diagnosis reads them: what `Template.diagnosis` explains. */
export function evidenceOfTemplate(record: TemplateRecord): TemplateEvidence {
  return {
    name: record.name,
    language: record.language,
    status: record.status,
    quality: record.quality,
    category: record.category,
    rejectedReason: record.rejectedReason,
    parameterFormat: record.parameterFormat,
    parameters: record.parameters,
    pauseCount: record.pauseCount,
    ...(record.statusChangedAt !== undefined && { statusChangedAt: record.statusChangedAt }),
    ...(record.pausedUntil !== undefined && { pausedUntil: record.pausedUntil }),
  };
}

export interface SendEvidenceParts {
  /** The catalogue's record, when the gateway knows the template. */
  record: TemplateRecord | undefined;
  send: TemplateSendFields;
  detectedBy: TemplateDetectedBy;
  /** The problem being explained, for the component it is in. */
  problem?: Pick<TemplateProblem, 'component'>;
  /** The body's length once filled in, when the check computed it. */
  renderedLength?: number;
  /** Languages the catalogue holds the same name in (for 132001). */
  otherLanguages?: readonly string[];
}

/**
 * The evidence of one refused template send: the template's facts (or only its name and language when
 * the gateway does not know it), what the send gave, and who found the problem.
 */
export function evidenceOfSend(parts: SendEvidenceParts): TemplateEvidence {
  const { record, send } = parts;
  const base: TemplateEvidence =
    record === undefined ? { name: send.name, language: send.languageCode } : evidenceOfTemplate(record);
  return {
    ...base,
    detectedBy: parts.detectedBy,
    sent: {
      ...summariseSend(send),
      ...(parts.problem?.component !== undefined && { component: parts.problem.component }),
      ...(parts.renderedLength !== undefined && { renderedLength: parts.renderedLength }),
    },
    ...(parts.otherLanguages !== undefined &&
      parts.otherLanguages.length > 0 && { otherLanguages: parts.otherLanguages }),
  };
}
