/**
 * The live events the app's screens follow (services emit them; the console's stream delivers
 * only the types listed). Its own file, so that the console's first bundle carries only this list.
 */
export const LIVE_EVENTS = [
  'open-data.dataset.created',
  'open-data.dataset.changed',
  'open-data.dataset.submitted',
  'open-data.dataset.returned',
  'open-data.dataset.published',
  'open-data.dataset.unpublished',
  'open-data.resource.changed',
  'open-data.theme.changed',
] as const;
