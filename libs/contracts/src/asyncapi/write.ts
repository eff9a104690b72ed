import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildAsyncApiDocument } from './build-asyncapi.js';

const target = fileURLToPath(new URL('../../asyncapi.json', import.meta.url));
writeFileSync(target, JSON.stringify(buildAsyncApiDocument(), null, 2) + '\n');
console.log(`wrote ${target}`);
