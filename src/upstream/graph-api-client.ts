import { performance } from 'node:perf_hooks';
import { Pool } from 'undici';
import { type Logger } from '../observability';
import { type BreakerState } from './circuit-breaker';
import {
  InvalidUpstreamArgumentError,
  UpstreamFailureKind,
  UpstreamUnavailableError,
  unreachableKind,
} from './errors';
import {
  phoneNumberIdSegment,
  requireText,
  resolveClientOptions,
  type GraphApiClientOptions,
  type ResolvedClientOptions,
  type UpstreamRequestInfo,
} from './graph-api-client-options';
import { isUpstreamFailure } from './graph-api-error';
import { exchange } from './http-exchange';
import { interpretAnswer, type AnswerSpec } from './interpret-answer';
import { UpstreamCallPolicy, type RetryRule } from './retry-policy';
import { type MediaDownload, type MediaInfo, mediaInfoSchema, openMediaDownload } from './media-download';
import {
  debugTokenResponseSchema,
  markReadResponseSchema,
  phoneNumberResponseSchema,
  sendMessageResponseSchema,
} from './wire-schemas';
import {
  createTemplateResponseSchema,
  deleteTemplateResponseSchema,
  templatePageSchema,
  templateSchema,
} from './template-schemas';
import { deleteTemplateQuery, graphIdSegment, listTemplatesQuery } from './template-requests';
import {
  TEMPLATE_FIELDS,
  type CreateTemplateRequest,
  type CreateTemplateResponse,
  type DeleteTemplateOptions,
  type ListTemplatesOptions,
  type TemplatePage,
  type WireTemplate,
} from './template-wire-types';
import {
  PHONE_NUMBER_FIELDS,
  type DebugTokenData,
  type MarkReadRequest,
  type PhoneNumberResponse,
  type SendMessageRequest,
  type SendMessageResponse,
} from './wire-types';

interface CallSpec<T> extends AnswerSpec<T> {
  rule: RetryRule;
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  /** Headers for this token and body kind, built once per client. */
  headers: Record<string, string>;
  json?: unknown;
}

/**
 * The Graph API client: sends, mark-as-read, phone-number status, token debugging and message
 * templates, over a keep-alive
 * pool, each logical call under a circuit breaker with retries of transient failures. Constructing it
 * opens nothing; the first call opens the first socket.
 */
export class GraphApiClient {
  private readonly config: ResolvedClientOptions;
  private readonly pool: Pool;
  private readonly policy: UpstreamCallPolicy;
  private readonly logger: Logger;
  private readonly onRequestComplete?: (info: UpstreamRequestInfo) => void;
  private readonly headers: {
    readonly postAsUser: Record<string, string>;
    readonly getAsUser: Record<string, string>;
    readonly getAsApp: Record<string, string>;
  };
  private closing?: Promise<void>;

  constructor(options: GraphApiClientOptions) {
    this.config = resolveClientOptions(options);
    this.logger = options.logger;
    this.onRequestComplete = options.onRequestComplete;
    const getAsUser = { authorization: `Bearer ${this.config.accessToken}`, accept: 'application/json' };
    this.headers = {
      postAsUser: { ...getAsUser, 'content-type': 'application/json' },
      getAsUser,
      getAsApp: { authorization: `Bearer ${this.config.appAccessToken}`, accept: 'application/json' },
    };
    this.policy = new UpstreamCallPolicy({
      retry: options.retry,
      breaker: options.breaker,
      onRetry: (event) =>
        this.logger.debug(
          { endpoint: event.endpoint, failedAttempt: event.failedAttempt, delayMs: event.delayMs },
          'graph api call retried',
        ),
    });
    // Last, once every option is known good: a refused option leaves nothing to close.
    this.pool = new Pool(this.config.origin, {
      connections: this.config.connections,
      connect: { timeout: Math.min(this.config.requestTimeoutMs, 10_000) },
      // A larger answer fails its body read (and drops that socket) and is reported as unexpected.
      maxResponseSize: this.config.maxResponseBytes,
    });
    this.policy.breaker.onStateChange((state) => {
      const line = { breakerState: state };
      if (state === 'open') this.logger.warn(line, 'graph api circuit opened: calls fail fast');
      else this.logger.info(line, `graph api circuit ${state}`);
    });
  }

  /** `POST /{version}/{phoneNumberId}/messages`. Accepted by Meta, not delivered: delivery comes by webhook. */
  async sendMessage(phoneNumberId: string, body: SendMessageRequest): Promise<SendMessageResponse> {
    return this.call({
      endpoint: 'messages',
      rule: 'send',
      method: 'POST',
      path: `${this.config.versionPath}/${phoneNumberIdSegment(phoneNumberId)}/messages`,
      headers: this.headers.postAsUser,
      json: body,
      schema: sendMessageResponseSchema,
      secrets: [this.config.accessToken],
    });
  }

  /** Marks an inbound message (and those before it) as read. Idempotent, so retried like a read. */
  async markRead(phoneNumberId: string, messageId: string): Promise<boolean> {
    const json: MarkReadRequest = {
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: requireText('messageId', messageId, 512),
    };
    const answer = await this.call({
      endpoint: 'mark_read',
      rule: 'read',
      method: 'POST',
      path: `${this.config.versionPath}/${phoneNumberIdSegment(phoneNumberId)}/messages`,
      headers: this.headers.postAsUser,
      json,
      schema: markReadResponseSchema,
      secrets: [this.config.accessToken],
    });
    return answer.success;
  }

  /** `GET /{version}/{phoneNumberId}?fields=…` with every field the diagnosis reads, health included. */
  async getPhoneNumber(phoneNumberId: string): Promise<PhoneNumberResponse> {
    const query = new URLSearchParams({ fields: PHONE_NUMBER_FIELDS.join(',') });
    return this.call({
      endpoint: 'phone_number',
      rule: 'read',
      method: 'GET',
      path: `${this.config.versionPath}/${phoneNumberIdSegment(phoneNumberId)}?${query.toString()}`,
      headers: this.headers.getAsUser,
      schema: phoneNumberResponseSchema,
      secrets: [this.config.accessToken],
    });
  }

  /**
   * `GET /{version}/debug_token?input_token=…`, authorised by the app token. The input token travels in
   * the query string, which is therefore never logged.
   */
  async debugToken(inputToken: string): Promise<DebugTokenData> {
    const query = new URLSearchParams({ input_token: requireText('inputToken', inputToken, 4096) });
    const answer = await this.call({
      endpoint: 'debug_token',
      rule: 'read',
      method: 'GET',
      path: `${this.config.versionPath}/debug_token?${query.toString()}`,
      headers: this.headers.getAsApp,
      schema: debugTokenResponseSchema,
      secrets: [this.config.appAccessToken, this.config.accessToken, inputToken],
    });
    return answer.data;
  }

  /**
   * `GET /{version}/{media-id}`: where an inbound medium can be downloaded (a URL valid for minutes) and
   * what it is. Meta answers code 100 (subcode 33) for an id it does not know.
   */
  async getMedia(mediaId: string): Promise<MediaInfo> {
    if (!/^\d{1,32}$/.test(mediaId))
      throw new InvalidUpstreamArgumentError('mediaId', 'must be the digits of a media id');
    return this.call({
      endpoint: 'media',
      rule: 'read',
      method: 'GET',
      path: `${this.config.versionPath}/${mediaId}`,
      headers: this.headers.getAsUser,
      schema: mediaInfoSchema,
      secrets: [this.config.accessToken],
    });
  }

  /**
   * Opens the download of a medium with the gateway's token. Only an https URL, or one on the configured
   * Graph API origin (a simulator), is followed: the token must never be sent anywhere else.
   */
  async downloadMedia(info: MediaInfo): Promise<MediaDownload> {
    const url = new URL(info.url);
    if (url.protocol !== 'https:' && url.origin !== this.config.origin) {
      throw new InvalidUpstreamArgumentError('media url', 'must be https or on the Graph API origin');
    }
    return openMediaDownload(url.toString(), {
      token: this.config.accessToken,
      timeoutMs: this.config.requestTimeoutMs,
    });
  }

  /**
   * One page of `GET /{version}/{waba-id}/message_templates`, with every template field and the
   * account's summary. A template Meta describes in a way the client does not know is kept, with
   * `unrecognised` saying what; `after` is `null` on the last page.
   */
  async listTemplates(businessAccountId: string, options: ListTemplatesOptions = {}): Promise<TemplatePage> {
    const waba = graphIdSegment('businessAccountId', businessAccountId);
    return this.call({
      endpoint: 'templates',
      rule: 'read',
      method: 'GET',
      path: `${this.config.versionPath}/${waba}/message_templates?${listTemplatesQuery(options).toString()}`,
      headers: this.headers.getAsUser,
      schema: templatePageSchema,
      secrets: [this.config.accessToken],
    });
  }

  /** `GET /{version}/{template-id}` with every template field (read as leniently as a list's). */
  async getTemplate(templateId: string): Promise<WireTemplate> {
    const query = new URLSearchParams({ fields: TEMPLATE_FIELDS.join(',') });
    return this.call({
      endpoint: 'template',
      rule: 'read',
      method: 'GET',
      path: `${this.config.versionPath}/${graphIdSegment('templateId', templateId)}?${query.toString()}`,
      headers: this.headers.getAsUser,
      schema: templateSchema,
      secrets: [this.config.accessToken],
    });
  }

  /**
   * `POST /{version}/{waba-id}/message_templates`: submits a template for review (Meta answers
   * PENDING, sometimes another category). Retried like a send: only when surely nothing was created.
   */
  async createTemplate(
    businessAccountId: string,
    body: CreateTemplateRequest,
  ): Promise<CreateTemplateResponse> {
    const waba = graphIdSegment('businessAccountId', businessAccountId);
    return this.call({
      endpoint: 'create_template',
      rule: 'send',
      method: 'POST',
      path: `${this.config.versionPath}/${waba}/message_templates`,
      headers: this.headers.postAsUser,
      json: body,
      schema: createTemplateResponseSchema,
      secrets: [this.config.accessToken],
    });
  }

  /**
   * `DELETE /{version}/{waba-id}/message_templates?name=…[&hsm_id=…]`: every language of the name, or
   * the one template. Retried like a send: a retry after a lost answer would find nothing to delete
   * and turn a success into an error.
   */
  async deleteTemplate(businessAccountId: string, options: DeleteTemplateOptions): Promise<boolean> {
    const waba = graphIdSegment('businessAccountId', businessAccountId);
    const answer = await this.call({
      endpoint: 'delete_template',
      rule: 'send',
      method: 'DELETE',
      path: `${this.config.versionPath}/${waba}/message_templates?${deleteTemplateQuery(options).toString()}`,
      headers: this.headers.getAsUser,
      schema: deleteTemplateResponseSchema,
      secrets: [this.config.accessToken],
    });
    return answer.success;
  }

  /** The circuit breaker's state, for `/readyz` and metrics. */
  breakerState(): BreakerState {
    return this.policy.breaker.state;
  }

  /** Calls the listener on every breaker transition; returns a function that removes it. */
  onBreakerStateChange(listener: (state: BreakerState) => void): () => void {
    return this.policy.breaker.onStateChange(listener);
  }

  /** Lets calls in flight finish, then closes every socket. Later calls fail with `UpstreamUnavailableError`. */
  close(): Promise<void> {
    this.closing ??= this.pool.close();
    return this.closing;
  }

  private call<T>(spec: CallSpec<T>): Promise<T> {
    if (this.closing !== undefined) {
      return Promise.reject(new UpstreamUnavailableError(spec.endpoint, 'the client is closed'));
    }
    return this.policy.execute(spec.endpoint, spec.rule, (attempt) => this.attempt(spec, attempt));
  }

  private async attempt<T>(spec: CallSpec<T>, attempt: number): Promise<T> {
    const started = performance.now();
    try {
      const answer = await exchange(this.pool, {
        endpoint: spec.endpoint,
        method: spec.method,
        path: spec.path,
        headers: spec.headers,
        body: spec.json === undefined ? undefined : JSON.stringify(spec.json),
        timeoutMs: this.config.requestTimeoutMs,
      });
      const value = interpretAnswer(answer, spec);
      this.complete(
        { endpoint: spec.endpoint, attempt, httpStatus: answer.httpStatus, outcome: 'success' },
        started,
      );
      return value;
    } catch (err) {
      const errorCode =
        isUpstreamFailure(err) && err.kind === UpstreamFailureKind.NETWORK ? err.errorCode : undefined;
      this.complete({ endpoint: spec.endpoint, attempt, ...describeFailure(err) }, started, errorCode);
      throw err;
    }
  }

  /** One debug line and one hook call per try; `errorCode` is a transport code such as ECONNREFUSED. */
  private complete(info: Omit<UpstreamRequestInfo, 'durationMs'>, started: number, errorCode?: string): void {
    const done: UpstreamRequestInfo = {
      ...info,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    };
    this.logger.debug(errorCode === undefined ? done : { ...done, errorCode }, 'graph api request');
    if (this.onRequestComplete === undefined) return;
    try {
      this.onRequestComplete(done);
    } catch (hookError) {
      // A metrics hook must never turn a good call into a failed one.
      this.logger.warn({ err: hookError }, 'onRequestComplete hook failed');
    }
  }
}

function describeFailure(err: unknown): Pick<UpstreamRequestInfo, 'httpStatus' | 'code' | 'outcome'> {
  if (!isUpstreamFailure(err)) return { outcome: 'error' };
  switch (err.kind) {
    case UpstreamFailureKind.GRAPH_API:
      return { httpStatus: err.httpStatus, code: err.code, outcome: 'error' };
    case UpstreamFailureKind.TIMEOUT:
      return { outcome: 'timeout' };
    case UpstreamFailureKind.NETWORK:
      return { outcome: 'network' };
    case UpstreamFailureKind.UNAVAILABLE:
    case UpstreamFailureKind.INVALID_ARGUMENT:
      return { outcome: 'error' };
    default:
      return unreachableKind(err);
  }
}
