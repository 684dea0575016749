/**
 * A workbook is a ZIP, and the spreadsheet reader inflates all of it into memory before any row
 * limit applies: a 20 MB upload of repetitive XML could inflate to gigabytes and take the server
 * down for every tenant. So the archive is walked first with yauzl, which checks each entry's
 * inflated size against the size its header declares (a lying entry stops there), and the entries
 * and their declared sizes are bounded before the reader sees the bytes.
 */
import yauzl from 'yauzl';

export const XLSX_LIMITS = { entries: 2_000, bytes: 200 * 1024 * 1024 } as const;

export type XlsxBoundsProblem = 'xlsx_unreadable' | 'xlsx_too_large';

/** Null when the workbook stays within `limits` once inflated, else what is wrong with it. */
export function xlsxBoundsProblem(
  bytes: Buffer,
  limits: { entries: number; bytes: number } = XLSX_LIMITS,
): Promise<XlsxBoundsProblem | null> {
  return new Promise((resolve) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return resolve('xlsx_unreadable');
      let entries = 0;
      let declared = 0;
      const done = (problem: XlsxBoundsProblem | null) => {
        zip.close();
        resolve(problem);
      };
      zip.on('error', () => done('xlsx_unreadable'));
      zip.on('end', () => done(null));
      zip.on('entry', (entry: yauzl.Entry) => {
        entries += 1;
        declared += entry.uncompressedSize;
        if (entries > limits.entries || declared > limits.bytes) return done('xlsx_too_large');
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        // Inflated to nowhere: yauzl fails the stream if it outgrows the declared size.
        zip.openReadStream(entry, (openError, stream) => {
          if (openError || !stream) return done('xlsx_unreadable');
          stream.on('error', () => done('xlsx_unreadable'));
          stream.on('end', () => zip.readEntry());
          stream.resume();
        });
      });
      zip.readEntry();
    });
  });
}
