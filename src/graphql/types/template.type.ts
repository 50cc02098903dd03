import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  TemplateCategory,
  TemplateComponent,
  TemplateParameterFormat,
  TemplateParameterKind,
  TemplateQuality,
  TemplateStatus,
} from '../../templates';
import { PageInfo } from './message-connection.type';

registerEnumType(TemplateStatus, {
  name: 'TemplateStatus',
  description: 'Where a template is in Meta’s review and quality cycle; only `APPROVED` can be sent.',
  valuesConfig: {
    APPROVED: { description: 'Reviewed and accepted: it can be sent.' },
    PENDING: { description: 'Waiting for Meta’s review.' },
    REJECTED: { description: 'Refused by the review; see `rejectedReason`.' },
    PAUSED: { description: 'Paused by Meta for low quality; see `pausedUntil`.' },
    DISABLED: { description: 'Disabled by Meta after repeated low quality.' },
    IN_APPEAL: { description: 'A rejection under appeal.' },
    PENDING_DELETION: { description: 'Deleted; its name cannot be reused for 30 days.' },
    DELETED: { description: 'Deleted.' },
    LIMIT_EXCEEDED: { description: 'Over the account’s template limit.' },
    ARCHIVED: { description: 'Archived by the business.' },
    UNKNOWN: { description: 'A status Meta sent that the gateway does not know.' },
  },
});

registerEnumType(TemplateCategory, {
  name: 'TemplateCategory',
  description: 'What a template is for, as Meta categorised it (this sets its price and its rules).',
  valuesConfig: {
    MARKETING: { description: 'Offers, announcements, re-engagement.' },
    UTILITY: { description: 'About a transaction or an account the customer has.' },
    AUTHENTICATION: { description: 'One-time passwords.' },
    UNKNOWN: { description: 'A category Meta sent that the gateway does not know.' },
  },
});

registerEnumType(TemplateParameterFormat, {
  name: 'TemplateParameterFormat',
  description: 'How a template names its placeholders.',
  valuesConfig: {
    POSITIONAL: { description: '`{{1}}`, `{{2}}`, …' },
    NAMED: { description: '`{{first_name}}`, …' },
  },
});

registerEnumType(TemplateQuality, {
  name: 'TemplateQuality',
  description: 'Meta’s quality rating of a template, from how customers react to it.',
  valuesConfig: {
    GREEN: { description: 'High quality.' },
    YELLOW: { description: 'Medium quality: customers are starting to react badly.' },
    RED: { description: 'Low quality: it may be paused.' },
    UNKNOWN: { description: 'Not rated yet.' },
  },
});

registerEnumType(TemplateComponent, {
  name: 'TemplateComponent',
  description: 'Where in a template a send’s parameter goes.',
  valuesConfig: {
    HEADER: { description: 'The header.' },
    BODY: { description: 'The body text.' },
    BUTTON: { description: 'A button; see `buttonIndex`.' },
  },
});

registerEnumType(TemplateParameterKind, {
  name: 'TemplateParameterKind',
  description: 'What a send must put in a parameter.',
  valuesConfig: {
    TEXT: { description: 'Text.' },
    IMAGE: { description: 'An image (link or media id).' },
    VIDEO: { description: 'A video (link or media id).' },
    GIF: { description: 'A GIF (link or media id).' },
    DOCUMENT: { description: 'A document (link or media id).' },
    LOCATION: { description: 'A location: latitude, longitude, name, address.' },
    PRODUCT: { description: 'A catalogue product.' },
    URL: { description: 'The dynamic suffix of a URL button.' },
    COUPON_CODE: { description: 'The code of a copy-code button.' },
    OTP: { description: 'The one-time password of an authentication template’s button.' },
  },
});

@ObjectType({ description: 'One value a send of the template has to provide.' })
export class TemplateParameter {
  @Field(() => TemplateComponent, { description: 'Where it goes.' })
  component!: TemplateComponent;

  @Field(() => Int, { nullable: true, description: 'For a button: its place in the BUTTONS list.' })
  buttonIndex!: number | null;

  @Field(() => Int, { nullable: true, description: '`{{1}}` is position 1, in positional templates.' })
  position!: number | null;

  @Field(() => String, {
    nullable: true,
    description: '`{{first_name}}` is name `first_name`, in named templates.',
  })
  name!: string | null;

  @Field(() => TemplateParameterKind, { description: 'What it must hold.' })
  kind!: TemplateParameterKind;

  @Field(() => String, { nullable: true, description: 'Meta’s sample value from the definition.' })
  example!: string | null;
}

@ObjectType({
  description:
    'A message template of a business account, as the gateway’s catalogue holds it: synced from Meta and kept current by its template webhooks.',
})
export class Template {
  @Field(() => ID, { description: 'Meta’s template id.' })
  id!: string;

  @Field({ description: 'Its name; with the language, what a send names.' })
  name!: string;

  @Field({ description: 'Its language code (`en_US`, …).' })
  language!: string;

  @Field(() => ID, { description: 'The WhatsApp Business Account it belongs to.' })
  businessAccountId!: string;

  @Field(() => TemplateStatus, { description: 'Where it is in Meta’s review and quality cycle.' })
  status!: TemplateStatus;

  @Field(() => TemplateCategory, { description: 'What Meta categorised it as.' })
  category!: TemplateCategory;

  @Field(() => TemplateParameterFormat, { description: 'How it names its placeholders.' })
  parameterFormat!: TemplateParameterFormat;

  @Field(() => TemplateQuality, { description: 'Meta’s quality rating of it.' })
  quality!: TemplateQuality;

  @Field(() => String, {
    nullable: true,
    description: 'Meta’s reason for a rejection (`INVALID_FORMAT`, …), as sent; null when there is none.',
  })
  rejectedReason!: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'While paused: when Meta’s pause ends, when the pause’s start is known.',
  })
  pausedUntil!: Date | null;

  @Field({ description: 'Whether Meta would accept a send of it now (it is approved).' })
  sendable!: boolean;

  @Field(() => [GraphQLJSONObject], { description: 'Its components, as Meta defines them.' })
  components!: Array<Record<string, unknown>>;

  @Field(() => [TemplateParameter], { description: 'What a send of it has to fill in.' })
  parameters!: TemplateParameter[];

  @Field(() => Date, {
    description: 'When it was last read from Meta (a sync, or a re-read after a webhook).',
  })
  lastSyncedAt!: Date;
}

@ObjectType({ description: 'A template in a page of results.' })
export class TemplateEdge {
  @Field({ description: 'Pass as `after` to continue after this template.' })
  cursor!: string;

  @Field(() => Template, { description: 'The template.' })
  node!: Template;
}

@ObjectType({ description: 'A page of templates, by business account, name and language.' })
export class TemplateConnection {
  @Field(() => [TemplateEdge], { description: 'The templates of this page with their cursors.' })
  edges!: TemplateEdge[];

  @Field(() => [Template], { description: 'The templates of this page.' })
  nodes!: Template[];

  @Field(() => Int, { description: 'How many templates match the filter, on every page.' })
  totalCount!: number;

  @Field(() => PageInfo, { description: 'Pagination state.' })
  pageInfo!: PageInfo;
}

@ObjectType({ description: 'What a sync of a business account’s templates did.' })
export class TemplateSyncResult {
  @Field(() => ID, { description: 'The business account synced.' })
  businessAccountId!: string;

  @Field(() => Int, { description: 'Templates now in the catalogue; 0 when the sync failed.' })
  synced!: number;

  @Field(() => Int, { description: 'Templates removed because Meta no longer lists them.' })
  removed!: number;

  @Field(() => Date, { description: 'When the sync ended.' })
  finishedAt!: Date;

  @Field(() => Int, {
    nullable: true,
    description: 'How many templates the account may have, when Meta said.',
  })
  limit!: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Why the sync failed part way (a page Meta did not answer, …); the previous catalogue was kept. Null when it succeeded.',
  })
  error!: string | null;
}
