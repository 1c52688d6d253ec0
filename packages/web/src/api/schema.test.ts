import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiTypes } from './openapi-source.ts';

describe('generated API types', () => {
  it('schema.d.ts is what the API’s OpenAPI document generates today', async () => {
    const committed = readFileSync(new URL('./schema.d.ts', import.meta.url), 'utf8');
    // When this fails: `npm run api-types -w @pantau/web`, then fix what the compiler reports.
    expect(committed).toBe(await apiTypes());
  }, 30_000);
});
