import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * The project's schemas compiled here, from the files, by Ajv itself: an independent check of what
 * Jejak writes, not a second run of Jejak's own validation code.
 */
export function schemaValidator(name: 'jejak-notice-1' | 'jejak-response-1') {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv.compile(
    JSON.parse(readFileSync(join(process.cwd(), 'resources', 'schemas', `${name}.schema.json`), 'utf8')),
  );
}
