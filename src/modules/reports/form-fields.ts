/** A report from a form's text fields, as the API's multipart filing and the portal's form send them. */
import { Value } from 'typebox/value';
import { AppError, type FieldError, invalid, validate } from '../../platform/sdk/index.ts';
import { normalizePhone, parseCoordinate } from './input.ts';
import { NewReport, type NewReportInput } from './schemas.ts';

/**
 * A multipart form's fields: an empty field was not given, numbers arrive as text (a decimal comma
 * is a decimal point), a phone number may be written in groups. Every offending field is named at
 * once: a coordinate that is not a number says the format it expects.
 */
export function formToReport(fields: Record<string, string>): NewReportInput {
  const value: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (k !== '_csrf' && v.trim() !== '') value[k] = v;
  const unreadable: FieldError[] = [];
  for (const k of ['lat', 'lng'] as const) {
    if (typeof value[k] !== 'string') continue;
    const n = parseCoordinate(value[k]);
    if (n === undefined) {
      unreadable.push({ path: `/body/${k}`, code: 'coordinate' });
      delete value[k];
    } else value[k] = n;
  }
  // A checkbox sends its value when ticked (the portal's: "1"); an API client may say true/false.
  for (const k of ['confidential', 'anonymous']) {
    const v = typeof value[k] === 'string' ? (value[k] as string).trim().toLowerCase() : undefined;
    if (v === '1' || v === 'true' || v === 'on') value[k] = true;
    else if (v === '0' || v === 'false') value[k] = false;
  }
  if (typeof value.phone === 'string') value.phone = normalizePhone(value.phone);
  try {
    const report = validate(NewReport, Value.Clean(NewReport, value) ?? value);
    if (unreadable.length) throw invalid(...unreadable);
    return report;
  } catch (error) {
    if (!unreadable.length || !(error instanceof AppError) || error.code !== 'validation') throw error;
    const named = new Set(unreadable.map((f) => f.path));
    throw invalid(...unreadable, ...error.fields.filter((f) => !named.has(f.path)));
  }
}
