import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Scope } from '../../config';
import { describeCatalogEntry, type Diagnosis, errorCatalog, explainError, Locale } from '../../diagnosis';
import { type GatewayContext } from '../context';
import { badInput } from '../gateway-error';
import { toMessage, type MessageView } from '../mappers/message-mappers';
import { type FailureSummaryService } from '../services/failure-summary-service';
import { ErrorCodeInfo, FailureBucket } from '../types/catalog.type';
import { Diagnosis as DiagnosisType } from '../types/diagnosis.type';
import { Message } from '../types/message.type';

const localeArg = { defaultValue: Locale.EN, description: 'The language of the texts.' } as const;

@Resolver()
export class DiagnosisResolver {
  constructor(private readonly failures: FailureSummaryService) {}

  @Authorized(Scope.READ)
  @Query(() => DiagnosisType, {
    description: 'What a Cloud API error code means and what to do, for any code, known or not.',
  })
  explainError(
    @Arg('code', () => Int, { description: 'The error code, for example 131026.' }) code: number,
    @Arg('subcode', () => Int, { nullable: true, description: 'The error subcode, when there is one.' })
    subcode: number | null,
    @Arg('locale', () => Locale, localeArg) locale: Locale,
  ): Diagnosis {
    return explainError(code, subcode, locale);
  }

  @Authorized(Scope.READ)
  @Query(() => [ErrorCodeInfo], {
    description: 'Every error code the gateway knows, with its cause, retryability and fix.',
  })
  errorCatalog(@Arg('locale', () => Locale, localeArg) locale: Locale): ErrorCodeInfo[] {
    return errorCatalog().map((info) => ({
      code: info.code,
      title: info.title,
      cause: info.cause,
      retryable: info.retryable,
      ...describeCatalogEntry(info, locale),
    }));
  }

  @Authorized(Scope.READ)
  @Query(() => [FailureBucket], {
    description: 'Failed and stuck messages counted by diagnosis cause, largest first.',
  })
  failureSummary(
    @Arg('since', () => Date, {
      nullable: true,
      description: 'Messages sent at or after this time; the last 7 days by default.',
    })
    since: Date | null,
    @Arg('phoneNumberId', () => ID, {
      nullable: true,
      description: 'Only messages from this business number.',
    })
    phoneNumberId: string | null,
    @Ctx() context: GatewayContext,
  ): Promise<FailureBucket[]> {
    return this.failures.summarise(since?.getTime() ?? null, phoneNumberId, context.loaders);
  }
}

@Resolver(() => FailureBucket)
export class FailureBucketResolver {
  @FieldResolver(() => [Message], { description: 'The messages of the bucket, newest first.' })
  async messages(
    @Root() bucket: FailureBucket,
    @Arg('first', () => Int, { defaultValue: 10, description: 'How many, 1 to 100.' }) first: number,
    @Ctx() context: GatewayContext,
  ): Promise<MessageView[]> {
    if (first < 1 || first > 100) throw badInput('first', 'first must be from 1 to 100.');
    const records = await context.loaders.message.loadMany(bucket.messageIds.slice(0, first));
    return records.flatMap((record) => (record && !(record instanceof Error) ? [toMessage(record)] : []));
  }
}
