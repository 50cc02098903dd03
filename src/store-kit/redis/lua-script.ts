import { type RedisConnection } from './connection';

/** An argument of a script run, as ioredis writes it (a number as its decimal text). */
export type ScriptArg = string | number;

/**
 * A Lua script as a store defines it on its connection (ioredis `defineCommand`, which owns the SHA, runs
 * EVALSHA and loads the script again after a NOSCRIPT). Without `numberOfKeys` the script's keys vary: the
 * caller passes their count first.
 */
export interface LuaScript {
  readonly lua: string;
  readonly numberOfKeys?: number;
  /** Only reads: ioredis marks its runs read-only (a cluster client that scales reads may send them to a replica). */
  readonly readOnly?: boolean;
}

/** The commands `defineScripts` adds: every reply is `unknown` until the script's decoder has read it. */
export type ScriptCommands<Name extends string> = {
  [Command in Name]: (...args: ScriptArg[]) => Promise<unknown>;
};

/** Defines each script under its command name on `connection`, and returns the connection typed with them. */
export function defineScripts<Connection extends RedisConnection, Name extends string>(
  connection: Connection,
  scripts: Readonly<Record<Name, LuaScript>>,
): Connection & ScriptCommands<Name> {
  for (const [name, script] of Object.entries<LuaScript>(scripts)) {
    connection.defineCommand(name, script);
  }
  return connection as Connection & ScriptCommands<Name>;
}

/** A script answered something its contract does not allow: the script and the client disagree. */
export class MalformedScriptReplyError extends Error {
  constructor(script: string, problem: string) {
    super(`The ${script} script gave an unexpected reply: ${problem}.`);
    this.name = 'MalformedScriptReplyError';
  }
}

/** What a reply (or part of one) is, for an error message: its kind, never its content. */
export function describeReply(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (value === null) return 'null';
  if (value instanceof Error) return `an error (${value.message})`;
  return `a ${typeof value}`;
}

/** `reply` as an array, or a `MalformedScriptReplyError`. */
export function replyArray(script: string, reply: unknown): unknown[] {
  if (!Array.isArray(reply)) {
    throw new MalformedScriptReplyError(script, `expected an array, got ${describeReply(reply)}`);
  }
  return reply;
}

/** `reply` as an array of strings (bulk strings), or a `MalformedScriptReplyError`. */
export function replyStrings(script: string, reply: unknown): string[] {
  const entries = replyArray(script, reply);
  for (let i = 0; i < entries.length; i += 1) {
    if (typeof entries[i] !== 'string') {
      throw new MalformedScriptReplyError(
        script,
        `expected strings, got ${describeReply(entries[i])} at ${i + 1}`,
      );
    }
  }
  return entries as string[];
}

/** `reply`: an array of strings in groups of `size`, or a `MalformedScriptReplyError`. */
export function replyStringGroups(script: string, reply: unknown, size: number): string[] {
  const entries = replyStrings(script, reply);
  if (entries.length % size !== 0) {
    throw new MalformedScriptReplyError(
      script,
      `expected groups of ${size} strings, got ${entries.length} strings`,
    );
  }
  return entries;
}

/** A page walk's reply: `{hasMore (0 or 1), endScore, endId, entry…}`. */
export interface PageReply {
  hasMore: boolean;
  /** Where the walk stopped ('' when it reached the end). */
  endScore: string;
  endId: string;
  /** The strings after the first three. */
  entries: string[];
}

/** `reply` as a page walk's reply, or a `MalformedScriptReplyError`. */
export function replyPage(script: string, reply: unknown): PageReply {
  const entries = replyArray(script, reply);
  const [hasMore, endScore, endId] = entries;
  if ((hasMore !== 0 && hasMore !== 1) || typeof endScore !== 'string' || typeof endId !== 'string') {
    const head = [hasMore, endScore, endId].map(describeReply).join(', ');
    throw new MalformedScriptReplyError(script, `expected {0 or 1, end score, end id, …}, got {${head}, …}`);
  }
  const rest = entries.slice(3);
  for (let i = 0; i < rest.length; i += 1) {
    if (typeof rest[i] !== 'string') {
      throw new MalformedScriptReplyError(
        script,
        `expected strings from 4, got ${describeReply(rest[i])} at ${i + 4}`,
      );
    }
  }
  return { hasMore: hasMore === 1, endScore, endId, entries: rest as string[] };
}
