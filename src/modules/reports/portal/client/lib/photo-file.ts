/**
 * A chosen photo made ready to send: a file that is not a photo is refused at once (by its first
 * bytes, as the server checks it, not by its name), and a large one — phones take 10–20 MB
 * pictures — is redrawn as a JPEG at most `MAX_SIDE` pixels long (the server keeps 1600 at most)
 * so that it goes under the server's limit and over a slow connection.
 */

/** Longest side of a shrunk photo, in pixels: above what the server keeps, so nothing is lost. */
const MAX_SIDE = 2048;
/** Photos above this size are shrunk before sending (the server's limit is higher). */
const SHRINK_ABOVE = 1.5 * 1024 * 1024;

/** Whether the file's first bytes are a JPEG, PNG, WebP, HEIC/HEIF or AVIF image. */
export async function looksLikePhoto(file: Blob): Promise<boolean> {
  const b = new Uint8Array(await file.slice(0, 12).arrayBuffer());
  const text = (from: number, n: number) => String.fromCharCode(...b.subarray(from, from + n));
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return true;
  if (b[0] === 0x89 && text(1, 3) === 'PNG') return true;
  if (text(0, 4) === 'RIFF' && text(8, 4) === 'WEBP') return true;
  return text(4, 4) === 'ftyp' && /^(heic|heix|hevc|heim|heis|mif1|msf1|avif)$/.test(text(8, 4));
}

export type Prepared = { file: File } | { refused: 'not_photo' | 'too_large' };

/**
 * The file to send for a chosen one: itself when small, a smaller JPEG when large, or why it is
 * refused (not a photo; too large and not drawable here, such as HEIC in most browsers).
 */
export async function preparePhoto(file: File, maxBytes: number): Promise<Prepared> {
  if (!(await looksLikePhoto(file))) return { refused: 'not_photo' };
  if (file.size <= SHRINK_ABOVE) return { file };
  const smaller = await shrink(file).catch(() => undefined);
  if (smaller && smaller.size < file.size) return { file: smaller };
  return file.size <= maxBytes ? { file } : { refused: 'too_large' };
}

async function shrink(file: File): Promise<File | undefined> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  if (!blob) return undefined;
  const name = `${file.name.replace(/\.[^.]*$/, '') || 'foto'}.jpg`;
  return new File([blob], name, { type: 'image/jpeg', lastModified: file.lastModified });
}
