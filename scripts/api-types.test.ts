import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, apiTypes } from './openapi-document.ts';

describe('generated API types', () => {
  it('the console’s schema.d.ts is what the API’s OpenAPI document generates today', async () => {
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    // When this fails: `npm run api-types`, then fix what the compiler reports.
    expect(committed).toBe(await apiTypes());
  }, 30_000);
});
