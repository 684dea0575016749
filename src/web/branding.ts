/**
 * A tenant's colours on Balai's pages, for the portal (server) and the console (browser) alike:
 * white text must stay readable on the header, whatever colour a tenant chooses.
 */

/** The platform's blue, used when a tenant's colour would make white text unreadable. */
export const PLATFORM_BLUE = '#0b5cad';

/** The contrast ratio of white text on a #rgb / #rrggbb colour (WCAG 2.1), or undefined when not one. */
export function contrastWithWhite(color: string): number | undefined {
  const value = color.trim();
  if (!/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(value)) return undefined;
  const h = value.length === 4 ? [...value.slice(1)].map((c) => c + c).join('') : value.slice(1);
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(h.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05);
}

/**
 * The tenant's primary colour when white text on it is readable (contrast ≥ 4.5:1, WCAG AA), else
 * the platform's: a tenant's branding cannot make its portal or console unreadable.
 */
export function headerColor(value: string | null | undefined): string {
  const ratio = value ? contrastWithWhite(value) : undefined;
  return ratio !== undefined && ratio >= 4.5 ? value!.trim() : PLATFORM_BLUE;
}
