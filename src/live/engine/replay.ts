import { type LiveEvent, type LiveSource } from '../live-stream';

/**
 * The stream after `since`, page by page, oldest first; the last page is the first one shorter than
 * `pageSize`. Every page is yielded whole (filtered or not), so that the caller can move its position
 * past events it skips.
 */
export async function* replayPages<E extends LiveEvent>(
  source: LiveSource<E, unknown>,
  since: string,
  pageSize: number,
): AsyncGenerator<E[]> {
  let after = since;
  for (;;) {
    const page = await source.readAfter(after, pageSize);
    yield page;
    if (page.length < pageSize) return;
    after = page[page.length - 1]!.cursor;
  }
}
