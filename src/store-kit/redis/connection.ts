import { type Cluster, type Redis } from 'ioredis';

/** A single Redis, or a Redis Cluster (then the stores partition their keys and use sharded pub/sub). */
export type RedisConnection = Redis | Cluster;
