import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

interface ComposeFile {
  services: Record<
    string,
    {
      image?: string;
      build?: string;
      environment?: Record<string, string>;
      depends_on?: Record<string, unknown>;
    }
  >;
}

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(__dirname, '../../docker-compose.yml'), 'utf8')) as ComposeFile;

  it('runs the gateway against the Redis service it waits for', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['gateway', 'redis']);
    const gateway = compose.services.gateway!;
    expect(gateway.build).toBe('.');
    expect(gateway.environment?.REDIS_URL).toBe('redis://redis:6379');
    expect(gateway.depends_on).toHaveProperty('redis');
    expect(compose.services.redis!.image).toMatch(/^redis:7/);
  });
});
