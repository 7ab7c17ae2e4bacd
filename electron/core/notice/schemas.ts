import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { noticeValidator } from './notice-validator';

/** The notice's JSON Schema problems, each naming the field by its JSON Pointer. */

export interface SchemaProblem {
  /** JSON Pointer of the field, e.g. "/items/0/category"; "" is the whole document */
  path: string;
  message: string;
}

const pointer = (segment: string): string => `/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`;

function toProblem(e: ErrorObject): SchemaProblem {
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'required')
    return { path: e.instancePath + pointer(String(params.missingProperty)), message: 'is missing' };
  if (e.keyword === 'additionalProperties')
    return {
      path: e.instancePath + pointer(String(params.additionalProperty)),
      message: 'is not a field of this format',
    };
  if (e.keyword === 'enum')
    return {
      path: e.instancePath,
      message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
    };
  if (e.keyword === 'const') return { path: e.instancePath, message: `must be ${JSON.stringify(params.allowedValue)}` };
  return { path: e.instancePath, message: e.message ?? e.keyword };
}

/** What a compiled schema finds wrong with value, each problem naming its field. */
export function schemaProblems(validate: ValidateFunction, value: unknown): SchemaProblem[] {
  return validate(value) ? [] : (validate.errors ?? []).map(toProblem);
}

export function noticeSchemaProblems(value: unknown): SchemaProblem[] {
  return schemaProblems(noticeValidator(), value);
}

export function formatProblem(p: SchemaProblem): string {
  return `${p.path || '/'}: ${p.message}`;
}
