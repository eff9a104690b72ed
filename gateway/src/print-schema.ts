import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printGatewaySchema, SCHEMA_FILE } from './graphql/schema-printer.js';

/** `npm run schema`: writes gateway/schema.graphql from the code. */
writeFileSync(SCHEMA_FILE, await printGatewaySchema());
console.log(`wrote ${fileURLToPath(SCHEMA_FILE)}`);
