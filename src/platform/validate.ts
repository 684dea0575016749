/**
 * Validation outside HTTP (the CLI, jobs): the same TypeBox schemas the routes use, the same field
 * errors. Inside HTTP, Fastify validates before the handler runs.
 */
import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { invalid } from './errors.ts';
import { fieldsFromValidation } from './http/problem.ts';

/** Returns `value` typed by `schema`, or throws a validation AppError with every offending field. */
export function validate<S extends TSchema>(schema: S, value: unknown, context = 'body'): Static<S> {
  if (Value.Check(schema, value)) return value as Static<S>;
  const errors = [...Value.Errors(schema, value)].filter((e) => e.keyword !== 'boolean');
  throw invalid(...fieldsFromValidation(errors as never, context));
}
