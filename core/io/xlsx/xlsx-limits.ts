/**
 * Bounds on what one workbook may cost, so a hostile file ends in a clear error instead of an
 * exhausted heap or a hang. Zip figures follow Apache POI's defaults where it has one
 * (ZipSecureFile: 1,000 entries, ratio 1 % past 100 KiB). Worksheets are exempt from the 50 MiB
 * part cap: a 1M-row × 18-column sheet is ~650 MB of XML; they are streamed, so their size costs
 * time, not memory.
 */
export interface XlsxLimits {
  /** Zip entries in the file (POI: 1,000). */
  readonly maxEntries: number;
  /** Inflated bytes of one part other than a worksheet or the shared strings. */
  readonly maxPartBytes: number;
  /** Inflated bytes of one worksheet or the shared-strings part (both streamed). */
  readonly maxLargePartBytes: number;
  /** Inflated bytes of every part read from one file together. */
  readonly maxTotalBytes: number;
  /** Compressed ÷ inflated below this aborts the part (POI: 0.01)… */
  readonly minInflateRatio: number;
  /** …once the part has inflated past this many bytes (POI: 100 KiB). */
  readonly ratioGraceBytes: number;
  /** Strings in sharedStrings.xml. */
  readonly maxSharedStrings: number;
  /** Characters (UTF-16 code units) of all shared strings together. */
  readonly maxSharedStringChars: number;
  /** Characters of one cell (Excel's own limit). */
  readonly maxCellChars: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxEntries: 1000,
  maxPartBytes: 50 * MiB,
  // 3× the 650 MB of a full-height 18-column sheet, for writers more verbose than Excel.
  maxLargePartBytes: 2 * GiB,
  // Two full-height sheets and more; keeps the worst-case import time bounded (~1 min).
  maxTotalBytes: 4 * GiB,
  minInflateRatio: 0.01,
  ratioGraceBytes: 100 * 1024,
  // 1M rows with several unique text columns fit; worst case ≈ 5M × 32 B + 100M × 2 B ≈ 360 MB.
  maxSharedStrings: 5_000_000,
  maxSharedStringChars: 100_000_000,
  maxCellChars: 32_767,
};

/** Excel's grid: the last cell is XFD1048576. */
export const MAX_COLUMNS = 16_384;
export const MAX_ROWS = 1_048_576;
