import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/** A medium the simulator serves, as Meta keeps the media customers send. */
export interface SimulatedMedium {
  id: string;
  mimeType: string;
  /** The file; built on first use. */
  bytes: () => Buffer;
  /** `hang`: the download never answers (for timeouts). */
  behaviour?: 'hang';
}

/** A solid-colour PNG, so that a console can show a real preview. */
function png(width: number, height: number, rgb: readonly [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => rgb[i % 3] as number)]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: height }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k += 1) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

const once = (make: () => Buffer): (() => Buffer) => {
  let made: Buffer | undefined;
  return () => (made ??= make());
};

/** The media ids the simulator knows; docs/simulator.md lists them. Any other id is unknown, as at Meta. */
export const SIMULATED_MEDIA: ReadonlyMap<string, SimulatedMedium> = new Map(
  [
    { id: '900000000000001', mimeType: 'image/png', bytes: once(() => png(64, 48, [37, 211, 102])) },
    {
      id: '900000000000002',
      mimeType: 'audio/ogg',
      bytes: once(() => Buffer.from('OggS simulated voice note')),
    },
    {
      id: '900000000000003',
      mimeType: 'application/pdf',
      bytes: once(() => Buffer.from('%PDF-1.4\n% simulated invoice\n%%EOF\n')),
    },
    {
      id: '900000000000004',
      mimeType: 'video/mp4',
      bytes: once(() => Buffer.alloc(8 * 1024 * 1024, 7)),
    },
    {
      id: '900000000000005',
      mimeType: 'image/jpeg',
      bytes: once(() => Buffer.alloc(0)),
      behaviour: 'hang' as const,
    },
  ].map((medium) => [medium.id, medium]),
);

/** The media ids by role, for scenarios and tests. */
export const SimulatorMediaId = {
  IMAGE: '900000000000001',
  VOICE_NOTE: '900000000000002',
  DOCUMENT: '900000000000003',
  /** 8 MiB: larger than a small download cap. */
  LARGE_VIDEO: '900000000000004',
  /** Its download never answers. */
  HANGING: '900000000000005',
} as const;

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('base64');
}
