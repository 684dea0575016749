/** An item's title as it is kept: spaces collapsed and trimmed; too short to mean anything is null. */
export function cleanTitle(text: string): string | null {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length >= 2 ? clean : null;
}
