import { type Logger } from '../../observability';
import { RedisChannel, type RedisConnection } from '../../store-kit';
import {
  type AccountCatalogue,
  type TemplateCatalogueChange,
  type TemplateCatalogueStore,
} from '../catalogue-store';
import { type TemplateRecord } from '../template-record';
import { decodeChange, decodeTemplate, encodeTemplate } from './catalogue-codec';
import { READ_ACCOUNT_LUA, REMOVE_LUA, REPLACE_ACCOUNT_LUA, UPSERT_LUA } from './catalogue-scripts';

interface CatalogueScripts {
  waTemplateReplace(...args: string[]): Promise<[number, number]>;
  waTemplateUpsert(...args: string[]): Promise<number>;
  waTemplateRemove(...args: string[]): Promise<number>;
  waTemplateRead(templatesKey: string, revisionKey: string): Promise<[string, string[]]>;
}

/** The hash tag of every catalogue key and of its channel: one slot on a cluster, so scripts may publish. */
const TEMPLATE_KEYS_HASH_TAG = '{tpl}';

/**
 * The catalogues in Redis, the same for every instance. Keys (after the gateway's prefix and the hash
 * tag): `acct:<id>` (hash: template id → record JSON), `rev:<id>` (the account's revision), `accounts`
 * (set), and the `changes` channel. Nothing expires: a catalogue is what the last sync and the webhooks
 * since made it, and a send check must not lose it to a retention timer while syncing is turned off.
 */
export class RedisTemplateCatalogueStore implements TemplateCatalogueStore {
  private readonly redis: RedisConnection & CatalogueScripts;
  private readonly prefix: string;
  private readonly channelName: string;
  private readonly publishCommand: 'PUBLISH' | 'SPUBLISH';
  private readonly channel: RedisChannel<TemplateCatalogueChange>;

  /** `subscriber`: a connection for pub/sub only (once subscribed it runs nothing else). */
  constructor(connection: RedisConnection, subscriber: RedisConnection, keyPrefix: string, logger: Logger) {
    connection.defineCommand('waTemplateReplace', { numberOfKeys: 3, lua: REPLACE_ACCOUNT_LUA });
    connection.defineCommand('waTemplateUpsert', { numberOfKeys: 3, lua: UPSERT_LUA });
    connection.defineCommand('waTemplateRemove', { numberOfKeys: 3, lua: REMOVE_LUA });
    connection.defineCommand('waTemplateRead', { numberOfKeys: 2, lua: READ_ACCOUNT_LUA, readOnly: true });
    this.redis = connection as RedisConnection & CatalogueScripts;
    this.prefix = `${keyPrefix}${TEMPLATE_KEYS_HASH_TAG}:`;
    this.channelName = `${this.prefix}changes`;
    this.publishCommand = connection.isCluster ? 'SPUBLISH' : 'PUBLISH';
    this.channel = new RedisChannel(subscriber, this.channelName, decodeChange, logger);
  }

  async replaceAccount(
    businessAccountId: string,
    templates: readonly TemplateRecord[],
  ): Promise<{ removed: number }> {
    const pairs: string[] = [];
    for (const template of templates) pairs.push(template.id, encodeTemplate(template));
    const [removed] = await this.redis.waTemplateReplace(...this.writeArgs(businessAccountId), ...pairs);
    return { removed };
  }

  async upsert(template: TemplateRecord): Promise<void> {
    await this.redis.waTemplateUpsert(
      ...this.writeArgs(template.businessAccountId),
      template.id,
      encodeTemplate(template),
    );
  }

  async remove(businessAccountId: string, templateId: string): Promise<boolean> {
    return (await this.redis.waTemplateRemove(...this.writeArgs(businessAccountId), templateId)) > 0;
  }

  async readAccount(businessAccountId: string): Promise<AccountCatalogue> {
    const [revision, raws] = await this.redis.waTemplateRead(
      this.templatesKey(businessAccountId),
      this.revisionKey(businessAccountId),
    );
    const templates: TemplateRecord[] = [];
    for (const raw of raws) {
      const template = decodeTemplate(raw);
      if (template !== null) templates.push(template);
    }
    return { revision: Number(revision), templates };
  }

  async accounts(): Promise<string[]> {
    return this.redis.smembers(`${this.prefix}accounts`);
  }

  listen(listener: (change: TemplateCatalogueChange) => void): Promise<() => void> {
    return this.channel.listen(listener);
  }

  private templatesKey(businessAccountId: string): string {
    return `${this.prefix}acct:${businessAccountId}`;
  }

  private revisionKey(businessAccountId: string): string {
    return `${this.prefix}rev:${businessAccountId}`;
  }

  /** The keys and the first arguments every writing script takes. */
  private writeArgs(businessAccountId: string): string[] {
    return [
      this.templatesKey(businessAccountId),
      this.revisionKey(businessAccountId),
      `${this.prefix}accounts`,
      businessAccountId,
      this.publishCommand,
      this.channelName,
    ];
  }
}
