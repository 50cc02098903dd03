import { type RedisOptions } from 'ioredis';
import { APPLY_AT_ONCE_COMMAND } from './apply-script';

/**
 * What the store's command connection adds to `recommendedRedisOptions` on a single Redis.
 *
 * - `enableAutoPipelining`: the commands concurrent requests issue in one turn of the event loop leave in
 *   one write (one syscall, one packet).
 * - The sends' apply script left out of it: ioredis sends an auto-pipelined command on a `setImmediate`,
 *   and the sends of a turn are stored by one run that itself starts on a `setImmediate`, so their script
 *   left only after the next turn's I/O while every one of them waited for its reply. One run already
 *   carries a whole turn's sends. Webhooks' runs stay on the auto-pipeline: they are issued during the
 *   turn, leave at its end, and a burst of webhooks then costs one write per turn, not one each.
 */
export const recommendedCommandConnectionOptions: Readonly<RedisOptions> = Object.freeze({
  enableAutoPipelining: true,
  autoPipeliningIgnoredCommands: [APPLY_AT_ONCE_COMMAND],
});
