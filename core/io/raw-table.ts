/**
 * The format-neutral shape every importer produces: a grid of raw cells. CSV gives strings;
 * the xlsx reader gives numbers, booleans and dates as well. Mapping and validation work on
 * this shape only, so CSV and xlsx imports follow the same rules.
 */

/** A Date cell stands for a calendar day at UTC midnight (readers must build it that way). */
export type RawCell = string | number | boolean | Date | null;

export interface TableSource {
  /** File name as shown to the user (a path or a base name). */
  readonly file: string;
  readonly sheet?: string;
  /** SHA-256 of the whole file (hex); two sheets of one workbook share it. */
  readonly sha256: string;
}

export interface RawTable {
  readonly source: TableSource;
  readonly rows: readonly (readonly RawCell[])[];
  /** 1-based row number of rows[i] in the file, for messages. */
  readonly rowNumbers: readonly number[];
}
