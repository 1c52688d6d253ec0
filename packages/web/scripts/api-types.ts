import { writeFileSync } from 'node:fs';
import { apiTypes } from '../src/api/openapi-source.ts';

const target = new URL('../src/api/schema.d.ts', import.meta.url);
writeFileSync(target, await apiTypes());
console.log(`wrote ${target.pathname}`);
