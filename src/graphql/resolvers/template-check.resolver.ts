import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { type ContactStore } from '../../contacts';
import { Scope } from '../../config';
import { type Diagnosis, diagnoseTemplate, Locale } from '../../diagnosis';
import {
  describeRecipient,
  parseSendCommand,
  type SendMessageFields,
  type SendRejection,
} from '../../sending';
import {
  isRefused,
  marketingOptOutWarning,
  type TemplateProblem as DomainProblem,
  UnknownTemplatePolicy,
} from '../../templates';
import { type GatewayContext } from '../context';
import { toGatewayError } from '../domain-errors';
import { badInput } from '../gateway-error';
import { SendMessageInput } from '../inputs/send-message.input';
import { type DiagnosisService } from '../services/diagnosis-service';
import { type TemplateSendCheck, type TemplateSendChecks } from '../services/template-send-check';
import { Diagnosis as DiagnosisType } from '../types/diagnosis.type';
import { TemplateCheck, TemplateProblem } from '../types/template-check.type';

/** A problem as GraphQL shows it, with what its diagnosis is built from. */
type ProblemView = TemplateProblem & {
  /** The problem as the gateway's rejection of the send; `null` for a warning without a Meta code. */
  rejection: SendRejection | null;
  result: TemplateSendCheck;
};
type CheckView = Omit<TemplateCheck, 'problems'> & { problems: ProblemView[] };

/**
 * `checkTemplateSend`: the check `sendMessage` runs on a template, answered without sending. Here a
 * template the gateway does not know is a problem (132001), and a marketing template to a customer who
 * stopped marketing messages is a warning: the contact is looked up, which `sendMessage` does not do
 * (its check reads the local cache only).
 */
@Resolver(() => TemplateProblem)
export class TemplateCheckResolver {
  constructor(
    private readonly checks: TemplateSendChecks,
    private readonly contacts: Pick<ContactStore, 'find'>,
    private readonly diagnoses: DiagnosisService,
    private readonly defaultPhoneNumberId: string,
    private readonly clock: () => number,
  ) {}

  @Authorized(Scope.SEND)
  @Mutation(() => TemplateCheck, {
    description:
      'Checks a template send against the gateway’s catalogue as `sendMessage` would, without sending it: the problems (each with the Meta code it prevents) and the preview.',
  })
  async checkTemplateSend(
    @Arg('input', () => SendMessageInput, { description: 'The send, as `sendMessage` takes it.' })
    input: SendMessageFields,
    @Ctx() context: GatewayContext,
  ): Promise<CheckView> {
    const command = (() => {
      try {
        return parseSendCommand(input, this.defaultPhoneNumberId, context.caller?.keyId ?? 'open');
      } catch (error) {
        throw toGatewayError(error);
      }
    })();
    if (command.kind !== 'template' || !input.template) {
      throw badInput('input.template', 'checkTemplateSend checks template sends: give input.template.');
    }
    const result = this.checks.run(command, input.template, UnknownTemplatePolicy.REFUSE);
    const problems = [...result.check.problems];
    const optOut = result.record === undefined ? undefined : marketingOptOutWarning(result.record);
    if (optOut !== undefined && (await this.optedOut(describeRecipient(command.recipient))))
      problems.push(optOut);
    return {
      ok: !isRefused({ ...result.check, problems }),
      problems: problems.map((problem) => this.viewOf(result, problem)),
      preview: result.check.preview,
    };
  }

  @FieldResolver(() => DiagnosisType, {
    nullable: true,
    description:
      'What the problem means and what to do, from the template’s facts; null for a warning with nothing more to say.',
  })
  async diagnosis(
    @Root() problem: ProblemView,
    @Arg('locale', () => Locale, { defaultValue: Locale.EN, description: 'The language of the texts.' })
    locale: Locale,
    @Ctx() context: GatewayContext,
  ): Promise<Diagnosis | null> {
    if (problem.rejection !== null)
      return this.diagnoses.forRejection(problem.rejection, locale, context.loaders);
    // A warning without a Meta code is about the template itself (its quality).
    return diagnoseTemplate(this.checks.evidence(problem.result, 'GATEWAY'), locale, this.clock());
  }

  private viewOf(result: TemplateSendCheck, problem: DomainProblem): ProblemView {
    const code = problem.code;
    return {
      severity: problem.severity,
      code,
      component: problem.component ?? null,
      message: problem.message,
      rejection: code === null ? null : this.checks.problemRejection(result, { ...problem, code }),
      result,
    };
  }

  /** Whether the customer's latest marketing choice was to stop; a failed read counts as not known. */
  private async optedOut(customer: string): Promise<boolean> {
    const contact = await this.contacts.find(customer).catch(() => null);
    return contact?.marketingOptOut === true;
  }
}
