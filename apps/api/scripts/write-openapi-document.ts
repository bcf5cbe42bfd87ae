// Writes the API's OpenAPI document to the file named as the first argument, without a database.
// Run through tools/api-types.mjs (`npm run api-types`).
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { describeApiWithoutDatabase } from '../src/openapi/describe-api-without-database';

async function writeOpenApiDocument(file: string): Promise<void> {
  writeFileSync(file, `${JSON.stringify(await describeApiWithoutDatabase(), null, 2)}\n`);
}

const file = process.argv[2];
if (!file) throw new Error('Usage: write-openapi-document <output.json>');
writeOpenApiDocument(file).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
