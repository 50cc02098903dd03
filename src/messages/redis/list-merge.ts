import { type MessageRecord } from '../message-record';
import { compareNewestFirst, type PagePosition } from '../../store-kit';

/** One partition's answer to a `list` page. */
export interface PartitionPage {
  /** Newest first: every match of the partition from the page start down to `end` (inclusive). */
  records: MessageRecord[];
  /** Where the partition's walk stopped when it may hold more; null when it has nothing further. */
  end: PagePosition | null;
}

/**
 * Merges the partitions' pages into one, newest first. A record older than the newest `end` of a
 * partition that stopped early is held back: that partition may hold records between the two, so it is
 * left for the next page, which starts where this one ends.
 */
export function mergeListPages(pages: readonly PartitionPage[], first: number): PartitionPage {
  const frontier = pages.flatMap((page) => (page.end === null ? [] : [page.end])).sort(compareNewestFirst)[0];
  const all = pages.flatMap((page) => page.records).sort(compareNewestFirst);
  const eligible =
    frontier === undefined ? all : all.filter((record) => compareNewestFirst(record, frontier) <= 0);
  if (eligible.length >= first) {
    const records = eligible.slice(0, first);
    const more = frontier !== undefined || all.length > first;
    const last = records[records.length - 1] as MessageRecord;
    return { records, end: more ? { createdAt: last.createdAt, id: last.id } : null };
  }
  return { records: eligible, end: frontier ?? null };
}
