import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { AccountEventKind, type AccountEventRecord, type AccountEventStore } from '../../account-events';
import { Scope } from '../../config';
import {
  isTemplateWebhookField,
  type TemplateCatalogueCache,
  type TemplateCatalogueStore,
  type TemplateRecord,
  type TemplateSyncResult as DomainSyncResult,
  templateWebhookTarget,
} from '../../templates';
import { badInput } from '../gateway-error';
import { CreateTemplateInput } from '../inputs/create-template.input';
import { TemplateFilter } from '../inputs/template-filter.input';
import { toAccountEvent, type AccountEventView } from '../mappers/account-event';
import { toTemplate, type TemplateView } from '../mappers/template';
import { type TemplateAdmin } from '../services/template-admin';
import { matchesFilter, pageOfTemplates, templateCursor } from '../services/template-listing';
import { AccountEvent } from '../types/account-event.type';
import { Template, TemplateConnection, TemplateSyncResult } from '../types/template.type';

const MAX_PAGE_SIZE = 100;

/** The template events `history` looks through, newest first: a bound on what one field may cost. */
const HISTORY_SCAN_LIMIT = 1000;
const HISTORY_PAGE_SIZE = 100;
/** The kinds the four template fields are kept as (the components update has none of its own). */
const TEMPLATE_EVENT_KINDS = [
  AccountEventKind.TEMPLATE_STATUS,
  AccountEventKind.TEMPLATE_CATEGORY,
  AccountEventKind.TEMPLATE_QUALITY,
  AccountEventKind.OTHER,
];

/** What the schema reads of the running catalogue. */
export interface TemplateCatalogueAccess {
  cache: Pick<TemplateCatalogueCache, 'find' | 'templatesOf' | 'businessAccountIds' | 'refresh'>;
  /** Written by `createTemplate` and `deleteTemplate`, so that the catalogue shows them at once. */
  store: Pick<TemplateCatalogueStore, 'upsert' | 'remove'>;
  /** The account the gateway serves: the default of every `businessAccountId` argument. */
  businessAccountId: string | null;
  sync(businessAccountId: string): Promise<DomainSyncResult>;
}

@ArgsType()
class TemplatesArgs {
  @Field(() => TemplateFilter, { nullable: true, description: 'Which templates; every one when omitted.' })
  filter?: TemplateFilter | null;

  @Field(() => Int, { defaultValue: 50, description: `How many templates, 1 to ${MAX_PAGE_SIZE}.` })
  first!: number;

  @Field(() => String, {
    nullable: true,
    description: "The previous page's `endCursor`, or any edge's `cursor`: the page starts right after it.",
  })
  after?: string | null;
}

@Resolver(() => Template)
export class TemplateResolver {
  constructor(
    private readonly catalogue: TemplateCatalogueAccess,
    private readonly accountEvents: AccountEventStore,
    private readonly admin: TemplateAdmin,
  ) {}

  @Authorized(Scope.READ)
  @Query(() => TemplateConnection, {
    description:
      'The templates of the catalogue (every business account the gateway holds), by account, name and language.',
  })
  templates(@Args() { filter, first, after }: TemplatesArgs): TemplateConnection {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw badInput('first', `first must be from 1 to ${MAX_PAGE_SIZE}.`);
    }
    const accounts =
      filter?.businessAccountId != null
        ? [filter.businessAccountId]
        : this.catalogue.cache.businessAccountIds();
    const matching = accounts
      .flatMap((account) => this.catalogue.cache.templatesOf(account))
      .filter((template) => matchesFilter(template, filter));
    const page = pageOfTemplates(matching, first, after ?? null);
    const nodes = page.records.map(toTemplate);
    const last = page.records.at(-1);
    return {
      nodes,
      edges: nodes.map((node) => ({ node, cursor: templateCursor(node.record) })),
      totalCount: page.totalCount,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        endCursor: last === undefined ? null : templateCursor(last),
      },
    };
  }

  @Authorized(Scope.READ)
  @Query(() => Template, {
    nullable: true,
    description: 'One template by name and language; null when unknown.',
  })
  template(
    @Arg('name', { description: 'Its name.' }) name: string,
    @Arg('language', { description: 'Its language code (`en_US`, …).' }) language: string,
    @Arg('businessAccountId', () => ID, {
      nullable: true,
      description: 'Its business account; the configured one when omitted.',
    })
    businessAccountId?: string | null,
  ): TemplateView | null {
    const account = businessAccountId ?? this.catalogue.businessAccountId;
    if (account === null) return null;
    const record = this.catalogue.cache.find(account, name, language);
    return record === undefined ? null : toTemplate(record);
  }

  @Authorized(Scope.ADMIN)
  @Mutation(() => TemplateSyncResult, {
    description:
      'Reads every template of the business account from Meta now and replaces its catalogue; a failure keeps the previous one.',
  })
  async syncTemplates(
    @Arg('businessAccountId', () => ID, {
      nullable: true,
      description: 'The business account; the configured one when omitted.',
    })
    businessAccountId?: string | null,
  ): Promise<TemplateSyncResult> {
    const account = businessAccountId ?? this.catalogue.businessAccountId;
    if (account === null) {
      throw badInput(
        'businessAccountId',
        'No business account is configured (WHATSAPP_BUSINESS_ACCOUNT_ID): name one.',
      );
    }
    if (!/^\d{1,32}$/.test(account))
      throw badInput('businessAccountId', "Meta's account ids are digits only.");
    const result = await this.catalogue.sync(account);
    return {
      businessAccountId: account,
      synced: result.synced,
      removed: result.removed,
      finishedAt: new Date(result.finishedAt),
      limit: result.limit ?? null,
      error: result.error ?? null,
    };
  }

  @Authorized(Scope.ADMIN)
  @Mutation(() => Template, {
    description:
      'Submits a template to Meta for review. It is in the catalogue at once, PENDING; the status webhook brings the review’s outcome. Meta’s refusal is an error whose extensions carry Meta’s code, subcode and message.',
  })
  async createTemplate(
    @Arg('input', () => CreateTemplateInput, { description: 'The template to submit.' })
    input: CreateTemplateInput,
  ): Promise<TemplateView> {
    return toTemplate(await this.admin.create(input));
  }

  @Authorized(Scope.ADMIN)
  @Mutation(() => Boolean, {
    description:
      'Deletes a template at Meta and from the catalogue: one language when `language` is given, else every language of the name.',
  })
  async deleteTemplate(
    @Arg('name', { description: 'Its name.' }) name: string,
    @Arg('language', () => String, {
      nullable: true,
      description: 'Only this language; every language of the name when omitted.',
    })
    language?: string | null,
    @Arg('businessAccountId', () => ID, {
      nullable: true,
      description: 'Its business account; the configured one when omitted.',
    })
    businessAccountId?: string | null,
  ): Promise<boolean> {
    return this.admin.delete(name, language ?? null, businessAccountId ?? null);
  }

  @FieldResolver(() => [AccountEvent], {
    description: `Its status, category, quality and component events, newest first (among the latest ${HISTORY_SCAN_LIMIT} template events).`,
  })
  async history(@Root() template: TemplateView): Promise<AccountEventView[]> {
    const found: AccountEventRecord[] = [];
    let after: string | null = null;
    for (let scanned = 0; scanned < HISTORY_SCAN_LIMIT; scanned += HISTORY_PAGE_SIZE) {
      const page = await this.accountEvents.list(TEMPLATE_EVENT_KINDS, HISTORY_PAGE_SIZE, after);
      found.push(...page.records.filter((event) => isAbout(event, template.record)));
      if (!page.hasNextPage || page.endCursor === null) break;
      after = page.endCursor;
    }
    return found.map(toAccountEvent);
  }
}

function isAbout(event: AccountEventRecord, template: TemplateRecord): boolean {
  if (!isTemplateWebhookField(event.field)) return false;
  if (event.businessAccountId !== undefined && event.businessAccountId !== template.businessAccountId)
    return false;
  return templateWebhookTarget(event.payload)?.templateId === template.id;
}
