// `npm run api-types`: regenerates the console's API types after an API schema change.
import { writeFileSync } from 'node:fs';
import { API_TYPES_FILE, apiTypes } from './openapi-document.ts';

writeFileSync(API_TYPES_FILE, await apiTypes());
console.log(`wrote ${API_TYPES_FILE.pathname}`);
