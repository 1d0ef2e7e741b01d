/**
 * Accumulates customer-month facts from many tables into the columnar FactTable (dataset.ts),
 * applying the merge rules of SPEC §1. Sized for 1M customers × several months: values live in
 * growable typed arrays indexed by a "slot" (one per customer-month key), and keys are found
 * through one id → customer map plus, per month, an array indexed by customer. Nothing is
 * allocated per row or per cell.
 *
 * Typed-array reads are cast with `as number` (noUncheckedIndexedAccess): every index is a
 * slot or customer this builder allocated, so it is always in range.
 */
import { compactNumbers, exactInt32, float64Column } from '../../model/number-column.js';
import { compactCodes, type CategoryCodes, type FactTable, type InputWarning } from '../../model/dataset.js';
import {
  CATEGORY_FIELDS,
  NUMERIC_FACT_FIELDS,
  UNKNOWN_CATEGORY,
  type CategoryField,
  type NumericFactField,
} from '../../model/fields.js';
import { PackedIds } from '../../model/id-list.js';
import type { Problem } from '../../model/messages.js';
import { monthKey } from '../../model/month.js';
import { inputIssues, rowIssues } from '../input-messages.js';

/** Fact fields other than the keys. */
export type FactValueField = NumericFactField | CategoryField | 'join_date';

const NUMERIC_NAMES: ReadonlySet<string> = new Set(NUMERIC_FACT_FIELDS);
const CATEGORY_NAMES: ReadonlySet<string> = new Set(CATEGORY_FIELDS);

export function isNumericFactField(name: string): name is NumericFactField {
  return NUMERIC_NAMES.has(name);
}

export function isCategoryField(name: string): name is CategoryField {
  return CATEGORY_NAMES.has(name);
}

const INITIAL_CAPACITY = 1024;

function grown<T extends Float64Array | Int32Array | Uint32Array>(old: T, capacity: number, fill: number): T {
  const ctor = old.constructor as new (length: number) => T;
  const next = new ctor(capacity);
  next.set(old);
  if (fill !== 0) next.fill(fill, old.length);
  return next;
}

/** State shared by every value field: its bit in a slot's "supplied" mask and who supplies it. */
abstract class FieldColumn {
  /** Tables that have a column for this field, in the order they were added. */
  readonly mappers: number[] = [];
  /**
   * Which table supplied each slot's value. Kept only once a second table maps the field
   * (until then the single mapper is the supplier), so a field only one table has costs nothing.
   */
  supplier: Int32Array | null = null;

  constructor(
    readonly name: FactValueField,
    readonly bit: number,
  ) {}

  abstract grow(capacity: number): void;
}

/**
 * A numeric field's values by slot, held as whole fen in 32 bits while every value is one
 * (nearly always: money has two decimals, counts are whole), which halves the import's largest
 * arrays at ten million customers; the first value that is not (a third decimal, a sum such as
 * 0.1 + 0.2, a figure beyond ±21 million) turns the column into doubles for good. Either way
 * get() returns the very double that was set, so what the model sees does not change.
 */
class NumberColumn extends FieldColumn {
  private fen: Int32Array | null = new Int32Array(0);
  private doubles: Float64Array | null = null;

  grow(capacity: number): void {
    if (this.fen !== null) this.fen = grown(this.fen, capacity, 0);
    else if (this.doubles !== null) this.doubles = grown(this.doubles, capacity, 0);
  }

  get(slot: number): number {
    return this.fen !== null ? (this.fen[slot] as number) / 100 : (this.doubles?.[slot] as number);
  }

  set(slot: number, value: number): void {
    if (this.fen !== null) {
      const n = exactInt32(value, 100);
      if (n !== null) {
        this.fen[slot] = n;
        return;
      }
      this.toDoubles();
    }
    (this.doubles as Float64Array)[slot] = value;
  }

  /** Releases the values (build() reads each column once). */
  release(): void {
    this.fen = new Int32Array(0);
    this.doubles = null;
  }

  private toDoubles(): void {
    const fen = this.fen as Int32Array;
    const doubles = new Float64Array(fen.length);
    for (let i = 0; i < fen.length; i++) doubles[i] = (fen[i] as number) / 100;
    this.doubles = doubles;
    this.fen = null;
  }
}

/** A field with one value per key, held as an Int32 code (−1 = none); repeats must agree. */
abstract class CodeColumn extends FieldColumn {
  codes = new Int32Array(0);

  grow(capacity: number): void {
    this.codes = grown(this.codes, capacity, -1);
  }

  /** The value of a code, for messages. */
  abstract describe(code: number): string;
}

/** Codes index the values by first appearance while building; build() sorts them. */
class CategoryColumn extends CodeColumn {
  readonly dictionary: string[] = [];
  readonly byValue = new Map<string, number>();

  describe(code: number): string {
    return this.dictionary[code] ?? '';
  }
}

/** The code is the join month number itself. */
class JoinColumn extends CodeColumn {
  describe(code: number): string {
    return monthKey(code);
  }
}

export interface FactsTableInfo {
  /** How messages name the table (file, and sheet if any). */
  readonly name: string;
  readonly fields: readonly FactValueField[];
  /** A usage table (it has billed_revenue): its rows make customers present. */
  readonly usage: boolean;
}

export interface FactsBuilderOptions {
  /** SPEC §1 "sum rows with the same key": numbers add up, text must agree. */
  readonly sumDuplicateKeys: boolean;
}

/**
 * Usage: addTable() per table, then per row openRow() and a set…() per non-empty cell, then
 * build() once. Tables must be fed one after another (rows of two tables never interleave),
 * which is how "the same key twice in one table" is told from "in two tables".
 */
export class FactsBuilder {
  private readonly tables: FactsTableInfo[] = [];
  private readonly numberColumns: ReadonlyMap<NumericFactField, NumberColumn>;
  private readonly categoryColumns: ReadonlyMap<CategoryField, CategoryColumn>;
  private readonly joinColumn: JoinColumn;
  private readonly columns: readonly FieldColumn[];
  private readonly billed: NumberColumn;

  private readonly customerIndex = new Map<string, number>();
  private readonly customerIds: string[] = [];
  /** Per month number: customer index → slot + 1 (0 = no slot yet). */
  private readonly monthSlots = new Map<number, Int32Array>();

  private capacity = 0;
  private slots = 0;
  private slotCustomer = new Int32Array(0);
  private slotMonth = new Int32Array(0);
  private supplied = new Uint32Array(0);
  private lastTable = new Int32Array(0);
  private firstRow = new Int32Array(0);
  /** Rows from non-usage tables, counted so that those of absent customer-months can be reported. */
  private otherRows = new Int32Array(0);

  private currentTable = -1;

  constructor(private readonly options: FactsBuilderOptions) {
    let bit = 0;
    const numbers = NUMERIC_FACT_FIELDS.map((f) => [f, new NumberColumn(f, bit++)] as const);
    const categories = CATEGORY_FIELDS.map((f) => [f, new CategoryColumn(f, bit++)] as const);
    this.joinColumn = new JoinColumn('join_date', bit++);
    this.numberColumns = new Map(numbers);
    this.categoryColumns = new Map(categories);
    this.columns = [...numbers.map(([, c]) => c), ...categories.map(([, c]) => c), this.joinColumn];
    this.billed = this.numberColumn('billed_revenue');
  }

  addTable(info: FactsTableInfo): number {
    const table = this.tables.length;
    this.tables.push(info);
    for (const field of info.fields) {
      const column = this.columnOf(field);
      column.mappers.push(table);
      if (column.mappers.length === 2) this.startTrackingSuppliers(column, column.mappers[0] as number);
    }
    return table;
  }

  /** The column a table's cells of `field` go to (look it up once per table, not per cell). */
  numberColumn(field: NumericFactField): NumberColumn {
    return known(this.numberColumns.get(field), field);
  }

  categoryColumn(field: CategoryField): CategoryColumn {
    return known(this.categoryColumns.get(field), field);
  }

  /** The slot of customer × month for a row of `table`, or the problem if the key repeats. */
  openRow(table: number, customerId: string, month: number, row: number): number | Problem {
    let customer = this.customerIndex.get(customerId);
    if (customer === undefined) {
      customer = this.customerIds.length;
      this.customerIds.push(customerId);
      this.customerIndex.set(customerId, customer);
    }
    let bySlot = this.monthSlots.get(month);
    if (bySlot === undefined || bySlot.length <= customer) {
      bySlot = grown(bySlot ?? new Int32Array(0), Math.max(INITIAL_CAPACITY, 2 * this.customerIds.length), 0);
      this.monthSlots.set(month, bySlot);
    }
    let slot = (bySlot[customer] as number) - 1;
    if (slot < 0) {
      slot = this.newSlot(customer, month);
      bySlot[customer] = slot + 1;
    } else if (this.lastTable[slot] === table && !this.options.sumDuplicateKeys) {
      return rowIssues.duplicateKey(this.firstRow[slot] as number);
    }
    if (this.lastTable[slot] !== table) {
      this.lastTable[slot] = table;
      this.firstRow[slot] = row;
    }
    if (this.tables[table]?.usage !== true) this.otherRows[slot] = (this.otherRows[slot] as number) + 1;
    this.currentTable = table;
    return slot;
  }

  setNumber(slot: number, column: NumberColumn, value: number): Problem | null {
    if (!this.isSupplied(slot, column)) {
      this.supply(slot, column);
      column.set(slot, value);
      return null;
    }
    const clash = this.clash(slot, column);
    if (clash === null) column.set(slot, column.get(slot) + value);
    return clash;
  }

  setCategory(slot: number, column: CategoryColumn, text: string): Problem | null {
    let code = column.byValue.get(text);
    if (code === undefined) {
      code = column.dictionary.length;
      column.dictionary.push(text);
      column.byValue.set(text, code);
    }
    return this.setCode(slot, column, code);
  }

  setJoinMonth(slot: number, month: number): Problem | null {
    return this.setCode(slot, this.joinColumn, month);
  }

  /**
   * The FactTable of present customer-months, and the warning about rows dropped for want of
   * a usage row. Category dictionaries hold the values of the kept rows, sorted in code-unit
   * order, so codes do not depend on row order. The builder's arrays are released column by
   * column (peak memory stays near one copy), so it cannot be used again.
   */
  build(): { facts: FactTable; warnings: InputWarning[] } {
    const present = (slot: number): boolean => this.isSupplied(slot, this.billed);
    let rowsWithoutUsage = 0;
    let rowCount = 0;
    const hasRow = new Uint8Array(this.customerIds.length);
    const monthSet = new Set<number>();
    for (let slot = 0; slot < this.slots; slot++) {
      if (present(slot)) {
        rowCount++;
        hasRow[this.slotCustomer[slot] as number] = 1;
        monthSet.add(this.slotMonth[slot] as number);
      } else {
        rowsWithoutUsage += this.otherRows[slot] as number;
      }
    }

    const ids = this.customerIds;
    const byFinal = ids.flatMap((_, c) => (hasRow[c] === 1 ? [c] : []));
    const idOf = (c: number): string => ids[c] as string;
    // Code-unit order (SPEC §0), deliberately not localeCompare.
    byFinal.sort((a, b) => (idOf(a) < idOf(b) ? -1 : idOf(a) > idOf(b) ? 1 : 0));
    const finalCustomer = new Int32Array(ids.length).fill(-1);
    byFinal.forEach((c, index) => {
      finalCustomer[c] = index;
    });

    const months = Int32Array.from([...monthSet].sort((a, b) => a - b));
    const monthStart = new Int32Array(months.length + 1);
    const rowSlots = new Int32Array(rowCount);
    let row = 0;
    months.forEach((month, m) => {
      monthStart[m] = row;
      const bySlot = this.monthSlots.get(month) ?? new Int32Array(0);
      for (const c of byFinal) {
        const slot = (bySlot[c] ?? 0) - 1;
        if (slot >= 0 && present(slot)) rowSlots[row++] = slot;
      }
    });
    monthStart[months.length] = row;

    const customer = rowSlots.map((slot) => finalCustomer[this.slotCustomer[slot] as number] as number);
    const numbers = new Map(
      [...this.numberColumns].map(([field, column]) => {
        const values = compactNumbers(Float64Array.from(rowSlots, (slot) => column.get(slot)));
        column.release();
        return [field, values] as const;
      }),
    );
    const categories = new Map([...this.categoryColumns].map(([field, column]) => [field, sortedCategory(rowSlots, column)] as const));
    const joinMonth = rowSlots.map((slot) => this.joinColumn.codes[slot] as number);
    this.joinColumn.codes = new Int32Array(0);

    const facts: FactTable = {
      months,
      monthStart,
      customerIds: PackedIds.fromSorted(byFinal.map(idOf)),
      customer,
      numbers: recordOf(NUMERIC_FACT_FIELDS, (f) => numbers.get(f) ?? float64Column(new Float64Array(0))),
      categories: recordOf(CATEGORY_FIELDS, (f) => categories.get(f)?.codes ?? new Uint8Array(0)),
      dictionaries: recordOf(CATEGORY_FIELDS, (f) => categories.get(f)?.dictionary ?? []),
      joinMonth,
    };
    const warnings = rowsWithoutUsage > 0 ? [inputIssues.rowsWithoutUsage(rowsWithoutUsage)] : [];
    return { facts, warnings };
  }

  private columnOf(field: FactValueField): FieldColumn {
    return known(this.columns.find((c) => c.name === field), field);
  }

  /** Text-like fields (categories, join month): one value per key; in sum mode repeats must agree. */
  private setCode(slot: number, column: CodeColumn, code: number): Problem | null {
    if (!this.isSupplied(slot, column)) {
      this.supply(slot, column);
      column.codes[slot] = code;
      return null;
    }
    const clash = this.clash(slot, column);
    const earlier = column.codes[slot] as number;
    if (clash !== null || earlier === code) return clash;
    return rowIssues.valuesDisagree(column.name, column.describe(earlier));
  }

  private isSupplied(slot: number, column: FieldColumn): boolean {
    return ((this.supplied[slot] as number) & (1 << column.bit)) !== 0;
  }

  private supply(slot: number, column: FieldColumn): void {
    this.supplied[slot] = (this.supplied[slot] as number) | (1 << column.bit);
    if (column.supplier !== null) column.supplier[slot] = this.currentTable;
  }

  /**
   * A value already supplied for this slot: fine when it came from an earlier row of this
   * table (sum mode; without it openRow refused the row), a conflict when from another table.
   */
  private clash(slot: number, column: FieldColumn): Problem | null {
    const supplier = column.supplier === null ? (column.mappers[0] as number) : (column.supplier[slot] as number);
    if (supplier === this.currentTable) return null;
    return rowIssues.fieldConflict(column.name, this.tables[supplier]?.name ?? '');
  }

  private startTrackingSuppliers(column: FieldColumn, onlyMapperSoFar: number): void {
    const supplier = new Int32Array(this.capacity);
    for (let slot = 0; slot < this.slots; slot++) {
      if (this.isSupplied(slot, column)) supplier[slot] = onlyMapperSoFar;
    }
    column.supplier = supplier;
  }

  private newSlot(customer: number, month: number): number {
    if (this.slots === this.capacity) this.grow(Math.max(INITIAL_CAPACITY, this.capacity * 2));
    const slot = this.slots++;
    this.slotCustomer[slot] = customer;
    this.slotMonth[slot] = month;
    return slot;
  }

  private grow(capacity: number): void {
    this.capacity = capacity;
    this.slotCustomer = grown(this.slotCustomer, capacity, 0);
    this.slotMonth = grown(this.slotMonth, capacity, 0);
    this.supplied = grown(this.supplied, capacity, 0);
    this.lastTable = grown(this.lastTable, capacity, -1);
    this.firstRow = grown(this.firstRow, capacity, 0);
    this.otherRows = grown(this.otherRows, capacity, 0);
    for (const column of this.columns) {
      column.grow(capacity);
      if (column.supplier !== null) column.supplier = grown(column.supplier, capacity, 0);
    }
  }
}

/** Final codes per row, into a dictionary of the values used, sorted; absent → (未知). Releases the column. */
function sortedCategory(rowSlots: Int32Array, column: CategoryColumn): { codes: CategoryCodes; dictionary: string[] } {
  const used = new Set<string>();
  for (const slot of rowSlots) {
    const code = column.codes[slot] as number;
    used.add(code < 0 ? UNKNOWN_CATEGORY : column.describe(code));
  }
  const dictionary = [...used].sort();
  const finalCode = new Map(dictionary.map((value, code) => [value, code]));
  const unknownCode = finalCode.get(UNKNOWN_CATEGORY) ?? -1;
  const remap = Int32Array.from(column.dictionary, (value) => finalCode.get(value) ?? -1);
  const codes = rowSlots.map((slot) => {
    const code = column.codes[slot] as number;
    return code < 0 ? unknownCode : (remap[code] as number);
  });
  column.codes = new Int32Array(0);
  return { codes: compactCodes(codes, dictionary.length), dictionary };
}

/** Every value field has a column from the constructor on; a miss is a programming error. */
function known<T>(column: T | undefined, field: string): T {
  if (column === undefined) throw new RangeError(`not a fact value field: ${field}`);
  return column;
}

function recordOf<K extends string, V>(keys: readonly K[], value: (key: K) => V): Record<K, V> {
  // Every key of K is set just below, which the type system cannot follow through fromEntries.
  return Object.fromEntries(keys.map((k) => [k, value(k)])) as Record<K, V>;
}
