import { type EpochMillis } from '../store-kit';
import { MetaTemplateCode, type TemplateProblem, TemplateProblemSeverity } from './template-check';
import { TemplateQuality, type TemplateRecord, TemplateStatus } from './template-record';

const { REFUSE, WARN } = TemplateProblemSeverity;

/** Pauses after which Meta disables a template for good. */
export const PAUSES_BEFORE_DISABLED = 3;

/** Problems the template's status and quality alone cause, whatever the send carries. */
export function statusProblems(template: TemplateRecord, now: EpochMillis): TemplateProblem[] {
  const label = `${template.name} (${template.language})`;
  switch (template.status) {
    case TemplateStatus.APPROVED:
      return qualityProblems(template, label);
    case TemplateStatus.PAUSED:
      return [pausedProblem(template, label, now)];
    case TemplateStatus.DISABLED:
      return [
        {
          severity: REFUSE,
          code: MetaTemplateCode.TEMPLATE_DISABLED,
          message: `Template ${label} is disabled: it was paused too many times for low quality and can no longer be sent.`,
        },
      ];
    case TemplateStatus.UNKNOWN:
      // A status Meta added since: Meta decides; the caller is told the gateway cannot vouch for it.
      return [
        {
          severity: WARN,
          code: MetaTemplateCode.TEMPLATE_DOES_NOT_EXIST,
          message: `Template ${label} has a status the gateway does not know; only approved templates can be sent.`,
        },
      ];
    default:
      return [
        {
          severity: REFUSE,
          code: MetaTemplateCode.TEMPLATE_DOES_NOT_EXIST,
          message: `Template ${label} is ${template.status}, not approved: Meta sends approved templates only.`,
        },
      ];
  }
}

function pausedProblem(template: TemplateRecord, label: string, now: EpochMillis): TemplateProblem {
  const until = template.pausedUntil;
  if (until === undefined) {
    return {
      severity: REFUSE,
      code: MetaTemplateCode.TEMPLATE_PAUSED,
      message: `Template ${label} is paused for low quality; Meta sends an approval when the pause ends.`,
    };
  }
  if (until <= now) {
    // Meta's schedule says the pause is over, but its approval has not arrived: let Meta decide.
    return {
      severity: WARN,
      code: MetaTemplateCode.TEMPLATE_PAUSED,
      message: `Template ${label} was paused until ${new Date(until).toISOString()}; Meta has not confirmed that the pause ended.`,
      sendableAgainAt: until,
    };
  }
  return {
    severity: REFUSE,
    code: MetaTemplateCode.TEMPLATE_PAUSED,
    message: `Template ${label} is paused for low quality until ${new Date(until).toISOString()}.`,
    sendableAgainAt: until,
  };
}

function qualityProblems(template: TemplateRecord, label: string): TemplateProblem[] {
  if (template.quality === TemplateQuality.RED) {
    const next =
      template.pauseCount + 1 >= PAUSES_BEFORE_DISABLED
        ? 'one more pause disables it for good'
        : `a pause of ${template.pauseCount === 0 ? 3 : 6} hours may follow`;
    return [
      {
        severity: WARN,
        code: null,
        message: `Template ${label} has low quality (RED): ${next}.`,
      },
    ];
  }
  if (template.quality === TemplateQuality.YELLOW) {
    return [
      {
        severity: WARN,
        code: null,
        message: `Template ${label} has medium quality (YELLOW): customers are blocking or reporting it.`,
      },
    ];
  }
  return [];
}
