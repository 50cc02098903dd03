import { DateTimeResolver } from 'graphql-scalars';
import { type GraphQLSchema, isUnionType } from 'graphql';
import { type SendHandler, ServiceWindowCheck } from '../sending';
import { buildSchema, type ContainerType, type PubSub } from 'type-graphql';
import { type AccountEventStore } from '../account-events';
import { type CallStore } from '../calls';
import { type ContactStore } from '../contacts';
import { ConversationService, type InboundStore } from '../conversations';
import { type MessageStore } from '../messages';
import { type GraphApiClient } from '../upstream';
import { scopeAuthChecker } from './auth-checker';
import { AccountEventResolver } from './resolvers/account-event.resolver';
import { CallEventResolver, ContactCallsResolver } from './resolvers/call-event.resolver';
import { ContactResolver } from './resolvers/contact.resolver';
import { LiveSubscriptionsResolver } from './resolvers/live-subscriptions.resolver';
import { ConversationResolver, InboundMessageResolver } from './resolvers/conversation.resolver';
import { DiagnosisResolver, FailureBucketResolver } from './resolvers/diagnosis.resolver';
import { MessageResolver } from './resolvers/message.resolver';
import { PhoneNumberResolver } from './resolvers/phone-number.resolver';
import { SendMessageResolver, UpstreamErrorResolver } from './resolvers/send-message.resolver';
import { StatusSubscriptionResolver } from './resolvers/status-subscription.resolver';
import { TokenDebugResolver } from './resolvers/token-debug.resolver';
import { type TemplateCatalogueAccess, TemplateResolver } from './resolvers/template.resolver';
import { TemplateCheckResolver } from './resolvers/template-check.resolver';
import { TemplateDiagnosisResolver } from './resolvers/template-diagnosis.resolver';
import { TemplateSendChecks } from './services/template-send-check';
import { conversationItemTypeName } from './types/inbound-message.type';
import { DiagnosisService, tokenEvidenceFrom } from './services/diagnosis-service';
import { FailureSummaryService } from './services/failure-summary-service';
import { TemplateAdmin } from './services/template-admin';

export interface SchemaDependencies {
  store: MessageStore;
  contacts: ContactStore;
  accountEvents: AccountEventStore;
  inbound: InboundStore;
  calls: CallStore;
  upstream: GraphApiClient;
  sender: SendHandler;
  defaultPhoneNumberId: string;
  /** The gateway's own access token, for `debugToken` without an argument. Never returned. */
  ownToken: string;
  /** The running template catalogue: its local copy and its sync. */
  templates: TemplateCatalogueAccess;
  clock: () => number;
}

const RESOLVERS = [
  MessageResolver,
  SendMessageResolver,
  UpstreamErrorResolver,
  PhoneNumberResolver,
  TokenDebugResolver,
  DiagnosisResolver,
  FailureBucketResolver,
  StatusSubscriptionResolver,
  ContactResolver,
  ConversationResolver,
  InboundMessageResolver,
  AccountEventResolver,
  LiveSubscriptionsResolver,
  CallEventResolver,
  ContactCallsResolver,
  TemplateResolver,
  TemplateCheckResolver,
  TemplateDiagnosisResolver,
] as const;

/** Resolver instances built from what the composition root passes in; type-graphql asks for them by class. */
function createInstances(deps: SchemaDependencies): Map<unknown, unknown> {
  const diagnosis = new DiagnosisService(
    deps.clock,
    async () => tokenEvidenceFrom(await deps.upstream.debugToken(deps.ownToken)),
    deps.contacts,
  );
  const conversations = new ConversationService(deps.store, deps.inbound, deps.contacts, deps.calls);
  const failures = new FailureSummaryService({ store: deps.store, diagnosis, clock: deps.clock });
  // One business account today: every sending number's catalogue is the configured account's.
  const templateChecks = new TemplateSendChecks(
    deps.templates.cache,
    () => deps.templates.businessAccountId,
    deps.clock,
  );
  return new Map<unknown, unknown>([
    [MessageResolver, new MessageResolver(deps.store, diagnosis)],
    [
      SendMessageResolver,
      new SendMessageResolver(
        deps.sender,
        deps.upstream,
        deps.defaultPhoneNumberId,
        new ServiceWindowCheck(deps.store, deps.clock),
        templateChecks,
      ),
    ],
    [UpstreamErrorResolver, new UpstreamErrorResolver(diagnosis)],
    [PhoneNumberResolver, new PhoneNumberResolver(deps.upstream, diagnosis, deps.defaultPhoneNumberId)],
    [TokenDebugResolver, new TokenDebugResolver(deps.upstream, diagnosis, deps.ownToken)],
    [DiagnosisResolver, new DiagnosisResolver(failures)],
    [FailureBucketResolver, new FailureBucketResolver()],
    [StatusSubscriptionResolver, new StatusSubscriptionResolver()],
    [ContactResolver, new ContactResolver(deps.contacts, conversations, deps.clock)],
    [ConversationResolver, new ConversationResolver(conversations)],
    [InboundMessageResolver, new InboundMessageResolver(deps.contacts, deps.clock)],
    [AccountEventResolver, new AccountEventResolver(deps.accountEvents)],
    [LiveSubscriptionsResolver, new LiveSubscriptionsResolver()],
    [CallEventResolver, new CallEventResolver(deps.contacts, deps.clock)],
    [ContactCallsResolver, new ContactCallsResolver(deps.calls)],
    [
      TemplateResolver,
      new TemplateResolver(
        deps.templates,
        deps.accountEvents,
        new TemplateAdmin({
          upstream: deps.upstream,
          store: deps.templates.store,
          cache: deps.templates.cache,
          businessAccountId: deps.templates.businessAccountId,
          clock: deps.clock,
        }),
      ),
    ],
    [
      TemplateCheckResolver,
      new TemplateCheckResolver(
        templateChecks,
        deps.contacts,
        diagnosis,
        deps.defaultPhoneNumberId,
        deps.clock,
      ),
    ],
    [TemplateDiagnosisResolver, new TemplateDiagnosisResolver(deps.clock)],
  ]);
}

function containerOf(instances: Map<unknown, unknown>): ContainerType {
  return {
    get(resolverClass) {
      const instance = instances.get(resolverClass);
      if (instance === undefined) throw new Error(`no instance registered for ${String(resolverClass)}`);
      return instance;
    },
  };
}

const UNUSED_PUB_SUB: PubSub = {
  publish: () => {
    throw new Error('status events are published by the message store, not through type-graphql');
  },
  subscribe: () => {
    throw new Error('subscriptions read the status event stream, not type-graphql topics');
  },
};

export async function buildGatewaySchema(deps: SchemaDependencies): Promise<GraphQLSchema> {
  const instances = createInstances(deps);
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    container: containerOf(instances),
    authChecker: scopeAuthChecker,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    validate: false,
    // Every subscription brings its own `subscribe` (the status stream); type-graphql still insists on a
    // PubSub at build time, so it gets one that refuses to be used.
    pubSub: UNUSED_PUB_SUB,
  });
  installPlainResolvers(schema, instances.get(SendMessageResolver) as SendMessageResolver);
  installSynchronousTypeResolvers(schema);
  return schema;
}

/**
 * type-graphql wraps every `resolveType` in an async function; compiled execution needs the type name at
 * once (and graphql-js is spared a promise per item).
 */
function installSynchronousTypeResolvers(schema: GraphQLSchema): void {
  const union = schema.getType('ConversationItem');
  if (!isUnionType(union)) throw new Error('the schema has no ConversationItem union');
  union.resolveType = conversationItemTypeName;
}

/**
 * Replaces type-graphql's resolver of the hottest mutation with the resolver's plain one: the schema
 * (argument, types, descriptions) stays what the decorators declared.
 */
function installPlainResolvers(schema: GraphQLSchema, sends: SendMessageResolver): void {
  const field = schema.getMutationType()?.getFields().sendMessage;
  if (field === undefined) throw new Error('the schema has no sendMessage mutation');
  field.resolve = sends.plainSendMessage as typeof field.resolve;
}

/** The schema's shape without working resolvers: what `schema:print` and the schema test print. */
export function buildSchemaForPrinting(): Promise<GraphQLSchema> {
  const unavailable = new Proxy({}, { get: () => () => Promise.reject(new Error('printing only')) });
  return buildGatewaySchema({
    store: unavailable as MessageStore,
    contacts: unavailable as ContactStore,
    accountEvents: unavailable as AccountEventStore,
    inbound: unavailable as InboundStore,
    calls: unavailable as CallStore,
    upstream: unavailable as GraphApiClient,
    sender: unavailable as SendHandler,
    defaultPhoneNumberId: '0',
    ownToken: '',
    templates: unavailable as TemplateCatalogueAccess,
    clock: () => 0,
  });
}
