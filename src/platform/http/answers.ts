/**
 * Success answers that are not a JSON object, for a route's `response`: no content, or a file or
 * text (CSV, PDF, an image, XML, an event stream). Fastify sends strings, buffers and streams as
 * they are, so these schemas document the answer without serialising it.
 */
import { Type } from 'typebox';

/** A success without a body (204, or 202 for work accepted). */
export function noContent(description: string) {
  return Type.Null({ description });
}

/** A success whose body is a file or text of one of `types`, with an example where it is text. */
export function fileAnswer(description: string, types: readonly string[], example?: string) {
  const schema = example === undefined ? Type.String({ format: 'binary' }) : Type.String();
  return {
    description,
    content: Object.fromEntries(
      types.map((type) => [type, { schema, ...(example === undefined ? {} : { example }) }]),
    ),
  };
}
