import { type Readable } from 'node:stream';
import { request } from 'undici';
import { z } from 'zod';
import { UpstreamNetworkError, UpstreamTimeoutError } from './errors';

/** `GET /{version}/{media-id}`: where the medium can be downloaded for a few minutes, and what it is. */
export interface MediaInfo {
  id: string;
  url: string;
  mimeType?: string;
  sha256?: string;
  /** Bytes, when Meta says. */
  fileSize?: number;
}

export const mediaInfoSchema = z
  .looseObject({
    id: z.string().min(1),
    url: z.string().url(),
    mime_type: z.string().optional(),
    sha256: z.string().optional(),
    // Meta sends the size as digits in a string or as a number; either is taken.
    file_size: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
  })
  .transform((wire): MediaInfo => ({
    id: wire.id,
    url: wire.url,
    ...(wire.mime_type !== undefined && { mimeType: wire.mime_type }),
    ...(wire.sha256 !== undefined && { sha256: wire.sha256 }),
    ...(wire.file_size !== undefined && { fileSize: wire.file_size }),
  }));

/** An open download: the body still to be streamed, with what the server said of it. */
export interface MediaDownload {
  httpStatus: number;
  contentType: string | undefined;
  contentLength: number | undefined;
  body: Readable;
}

export interface MediaDownloadOptions {
  token: string;
  /** Bound on the wait for the answer's headers, and between two chunks of its body. */
  timeoutMs: number;
}

/**
 * Opens the download of a medium's short-lived URL with the gateway's token. The URL is Meta's (it came
 * from the Graph API); it is never logged or passed on, since it grants access for a few minutes.
 * Transport failures become `UpstreamTimeoutError` / `UpstreamNetworkError`, which keep no URL.
 */
export async function openMediaDownload(url: string, options: MediaDownloadOptions): Promise<MediaDownload> {
  try {
    const response = await request(url, {
      method: 'GET',
      headers: { authorization: `Bearer ${options.token}` },
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
    const length = response.headers['content-length'];
    const type = response.headers['content-type'];
    return {
      httpStatus: response.statusCode,
      contentType: typeof type === 'string' ? type : undefined,
      contentLength: typeof length === 'string' && /^\d+$/.test(length) ? Number(length) : undefined,
      body: response.body,
    };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
      throw new UpstreamTimeoutError('media', options.timeoutMs);
    }
    throw new UpstreamNetworkError('media', typeof code === 'string' ? code : 'UNKNOWN', false);
  }
}
