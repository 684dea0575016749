/** A report from a form's text fields, as the API's multipart filing and the portal's form send them. */
import { Value } from 'typebox/value';
import { validate } from '../../platform/sdk/index.ts';
import { NewReport, type NewReportInput } from './schemas.ts';

/** A multipart form's fields: an empty field was not given, and numbers arrive as text. */
export function formToReport(fields: Record<string, string>): NewReportInput {
  const value: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) if (k !== '_csrf' && v.trim() !== '') value[k] = v;
  for (const k of ['lat', 'lng']) {
    if (typeof value[k] === 'string') value[k] = Number(value[k]);
  }
  // A checkbox sends its value when ticked (the portal's: "1"); an API client may say true/false.
  for (const k of ['confidential', 'anonymous']) {
    const v = typeof value[k] === 'string' ? (value[k] as string).trim().toLowerCase() : undefined;
    if (v === '1' || v === 'true' || v === 'on') value[k] = true;
    else if (v === '0' || v === 'false') value[k] = false;
  }
  return validate(NewReport, Value.Clean(NewReport, value) ?? value);
}
