import { type TemplateEvidence } from '../../diagnosis';
import { describeRecipient, type SendCommand, type SendRejection, type TemplateFields } from '../../sending';
import {
  checkTemplateSend,
  type TemplateCatalogueCache,
  type TemplateCheck,
  type TemplateProblem,
  TemplateProblemSeverity,
  type TemplateRecord,
  type UnknownTemplatePolicy,
} from '../../templates';
import { evidenceOfSend } from '../mappers/template-evidence';

/**
 * Which business account a sending number belongs to, so that its catalogue is the one checked. One
 * account today (the configured one, or the simulator's); a tenant lookup replaces this function.
 */
export type BusinessAccountOf = (phoneNumberId: string) => string | null;

export type TemplateLookup = Pick<TemplateCatalogueCache, 'find' | 'templatesOf'>;

/** One check of one template send, with what the explanation of its problems needs. */
export interface TemplateSendCheck {
  check: TemplateCheck;
  /** The catalogue's record; `undefined` when the gateway does not know the template. */
  record: TemplateRecord | undefined;
  businessAccountId: string | null;
  send: TemplateFields;
  command: SendCommand;
}

/** Meta's codes of a refused template send: the ones whose explanation the template's facts sharpen. */
function isTemplateCode(code: number): boolean {
  return (code >= 132000 && code < 133000) || code === 131008 || code === 100;
}

/**
 * The check `checkTemplateSend` and `sendMessage` share. It reads the local catalogue cache only (no
 * round trip), so that it costs a send a few microseconds; the evidence for a diagnosis is built only
 * once a send is refused.
 */
export class TemplateSendChecks {
  constructor(
    private readonly templates: TemplateLookup,
    private readonly businessAccountOf: BusinessAccountOf,
    private readonly clock: () => number,
  ) {}

  run(command: SendCommand, send: TemplateFields, unknownTemplate: UnknownTemplatePolicy): TemplateSendCheck {
    const businessAccountId = this.businessAccountOf(command.phoneNumberId);
    const record =
      businessAccountId === null
        ? undefined
        : this.templates.find(businessAccountId, send.name, send.languageCode);
    const check = checkTemplateSend(record, send, { now: this.clock(), unknownTemplate });
    return { check, record, businessAccountId, send, command };
  }

  /** The gateway's refusal of the send, from its first REFUSE problem; `null` when it may go. */
  refusalOf(result: TemplateSendCheck): SendRejection | null {
    const refusals = result.check.problems.filter((p) => p.severity === TemplateProblemSeverity.REFUSE);
    const first = refusals[0];
    if (first === undefined || first.code === null) return null;
    const others = refusals.slice(1).map((problem) => problem.message);
    return {
      ...this.problemRejection(result, { ...first, code: first.code }),
      details: others.length === 0 ? null : `Also: ${others.join(' ')}`,
    };
  }

  /** A problem as a gateway-detected rejection, which is what its diagnosis explains. */
  problemRejection(result: TemplateSendCheck, problem: TemplateProblem & { code: number }): SendRejection {
    return {
      httpStatus: null,
      code: problem.code,
      subcode: null,
      type: 'GatewayPrecheck',
      title: 'Template send refused by the gateway',
      message: problem.message,
      details: null,
      fbtraceId: null,
      recipient: describeRecipient(result.command.recipient),
      phoneNumberId: result.command.phoneNumberId,
      detectedBy: 'GATEWAY',
      template: this.evidence(result, 'GATEWAY', problem),
    };
  }

  /** What WARN problems say, for the payload's `warnings`. */
  warningsOf(result: TemplateSendCheck): string[] {
    return result.check.problems
      .filter((problem) => problem.severity === TemplateProblemSeverity.WARN)
      .map((problem) => problem.message);
  }

  /**
   * Meta's refusal of a template send with the template's facts added, so that its diagnosis quotes
   * them; other refusals are returned as they are.
   */
  withMetaEvidence(rejection: SendRejection, result: TemplateSendCheck): SendRejection {
    if (rejection.detectedBy === 'GATEWAY' || !isTemplateCode(rejection.code)) return rejection;
    return { ...rejection, template: this.evidence(result, 'META') };
  }

  evidence(
    result: TemplateSendCheck,
    detectedBy: 'GATEWAY' | 'META',
    problem?: TemplateProblem,
  ): TemplateEvidence {
    const { record, send, businessAccountId } = result;
    const otherLanguages =
      record === undefined && businessAccountId !== null
        ? this.templates
            .templatesOf(businessAccountId)
            .filter((template) => template.name === send.name)
            .map((template) => template.language)
        : undefined;
    return evidenceOfSend({
      record,
      send,
      detectedBy,
      ...(problem !== undefined && { problem }),
      ...(record !== undefined && { renderedLength: result.check.renderedLength }),
      ...(otherLanguages !== undefined && { otherLanguages }),
    });
  }
}
