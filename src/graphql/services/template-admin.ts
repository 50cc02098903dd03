import {
  TemplateCategory,
  type TemplateCatalogueCache,
  type TemplateCatalogueStore,
  templateFromDefinition,
  TemplateParameterFormat,
  type TemplateRecord,
} from '../../templates';
import { type CreateTemplateRequest, type GraphApiClient, type WireTemplateComponent } from '../../upstream';
import { toAdminCallError } from '../domain-errors';
import { badInput, GatewayError, GatewayErrorCode } from '../gateway-error';
import { type CreateTemplateInput } from '../inputs/create-template.input';

/** Meta's rule for a template name (the simulator checks the same). */
const TEMPLATE_NAME = /^[a-z0-9_]{1,512}$/;
/** The shape of Meta's language codes (`en`, `en_US`, `zh_TW`, `es_LA`); as the send path checks them. */
const LANGUAGE_CODE = /^[a-z]{2,3}(_[A-Za-z]{2,4})?$/;
const ACCOUNT_ID = /^\d{1,32}$/;
/** The categories Meta takes on create; `UNKNOWN` is only ever what the gateway reads back. */
const CREATABLE_CATEGORIES: ReadonlySet<TemplateCategory> = new Set([
  TemplateCategory.MARKETING,
  TemplateCategory.UTILITY,
  TemplateCategory.AUTHENTICATION,
]);

export interface TemplateAdminDependencies {
  upstream: Pick<GraphApiClient, 'createTemplate' | 'deleteTemplate'>;
  store: Pick<TemplateCatalogueStore, 'upsert' | 'remove'>;
  cache: Pick<TemplateCatalogueCache, 'find' | 'templatesOf' | 'refresh'>;
  /** The account the gateway serves: the default of every `businessAccountId` argument. */
  businessAccountId: string | null;
  clock: () => number;
}

/**
 * Template create and delete: checks what Meta would refuse for sure before calling it, then keeps the
 * catalogue in step at once (the webhook that follows may take a while, and a caller that just created a
 * template expects `template(...)` to show it).
 */
export class TemplateAdmin {
  constructor(private readonly deps: TemplateAdminDependencies) {}

  async create(input: CreateTemplateInput): Promise<TemplateRecord> {
    const account = this.accountOf(input.businessAccountId, 'input.businessAccountId');
    const request = createRequestOf(input);
    let answer: Awaited<ReturnType<GraphApiClient['createTemplate']>>;
    try {
      answer = await this.deps.upstream.createTemplate(account, request);
    } catch (error) {
      throw toAdminCallError(error);
    }
    const record = templateFromDefinition(
      account,
      {
        id: answer.id,
        name: request.name,
        language: request.language,
        status: answer.status,
        // Meta may have recategorised it (allow_category_change): its answer wins over the request.
        category: answer.category,
        parameterFormat: request.parameter_format ?? null,
        components: request.components,
      },
      this.deps.clock(),
    );
    await this.deps.store.upsert(record);
    // The other instances hear the change over pub/sub; this one reads it back now, so that the caller's
    // next query sees the template whatever the channel's delay.
    await this.deps.cache.refresh(account);
    return record;
  }

  /** Deletes one language of a name (by its id, `hsm_id`), or every language when none is given. */
  async delete(name: string, language: string | null, businessAccountId: string | null): Promise<boolean> {
    const account = this.accountOf(businessAccountId, 'businessAccountId');
    if (!TEMPLATE_NAME.test(name))
      throw badInput('name', 'A template name is lowercase letters, digits and _, 1 to 512 of them.');
    let removed: TemplateRecord[];
    let templateId: string | undefined;
    if (language !== null) {
      const found = this.deps.cache.find(account, name, language);
      // Meta deletes one language only by its id: without it, the call would delete every language.
      if (found === undefined) {
        throw new GatewayError(
          GatewayErrorCode.NOT_FOUND,
          `The catalogue has no template ${name} in ${language}; run syncTemplates if Meta has it.`,
        );
      }
      removed = [found];
      templateId = found.id;
    } else {
      removed = this.deps.cache.templatesOf(account).filter((template) => template.name === name);
    }
    let deleted: boolean;
    try {
      deleted = await this.deps.upstream.deleteTemplate(account, {
        name,
        ...(templateId === undefined ? {} : { templateId }),
      });
    } catch (error) {
      throw toAdminCallError(error);
    }
    await Promise.all(removed.map((template) => this.deps.store.remove(account, template.id)));
    await this.deps.cache.refresh(account);
    return deleted;
  }

  private accountOf(given: string | null | undefined, field: string): string {
    const account = given ?? this.deps.businessAccountId;
    if (account === null)
      throw badInput(field, 'No business account is configured (WHATSAPP_BUSINESS_ACCOUNT_ID): name one.');
    if (!ACCOUNT_ID.test(account)) throw badInput(field, "Meta's account ids are digits only.");
    return account;
  }
}

/** The request Meta gets, or the first problem Meta would refuse it for. */
function createRequestOf(input: CreateTemplateInput): CreateTemplateRequest {
  if (!TEMPLATE_NAME.test(input.name))
    throw badInput('input.name', 'A template name is lowercase letters, digits and _, 1 to 512 of them.');
  if (!LANGUAGE_CODE.test(input.language))
    throw badInput('input.language', 'input.language must look like en_US or zh_TW.');
  if (!CREATABLE_CATEGORIES.has(input.category))
    throw badInput('input.category', 'input.category must be MARKETING, UTILITY or AUTHENTICATION.');
  // GraphQL checks the list's type already; a caller of the service from elsewhere might not.
  const components: unknown = input.components;
  if (!Array.isArray(components) || components.length === 0 || !components.every(isObject))
    throw badInput('input.components', 'input.components must be a non-empty list of component objects.');
  const request: CreateTemplateRequest = {
    name: input.name,
    language: input.language,
    category: input.category,
    components: components as WireTemplateComponent[],
  };
  if (input.parameterFormat != null)
    request.parameter_format =
      input.parameterFormat === TemplateParameterFormat.NAMED ? 'NAMED' : 'POSITIONAL';
  if (input.allowCategoryChange != null) request.allow_category_change = input.allowCategoryChange;
  return request;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
