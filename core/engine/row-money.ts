/**
 * SPEC §2: revenue and individual cost of every present customer-month, computed from the
 * fact columns when read rather than kept per row (two Float64 columns are 460 MB at ten
 * million customers × three months). Every reader — the window averages, campaign and file
 * profits, the trace — gets the same additions in the same order, so the same doubles.
 */
import type { FactTable } from '../model/dataset.js';
import { numberAt, type NumberColumn } from '../model/number-column.js';

type Values = NumberColumn['values'];

export class RowMoney {
  // Each column's values and scale (number-column.ts: value = values[r] / scale).
  readonly #billed: Values;
  readonly #billedScale: number;
  readonly #income: Values;
  readonly #incomeScale: number;
  readonly #inter: Values;
  readonly #interScale: number;
  readonly #intra: Values;
  readonly #intraScale: number;
  readonly #commission: Values;
  readonly #commissionScale: number;
  readonly #discount: Values;
  readonly #discountScale: number;
  readonly #subsidy: Values;
  readonly #subsidyScale: number;
  readonly #points: Values;
  readonly #pointsScale: number;
  readonly #rows: number;
  #columns: { revenue: Float64Array; individualCost: Float64Array } | undefined;

  constructor(facts: FactTable) {
    this.#rows = facts.customer.length;
    const f = facts.numbers;
    [this.#billed, this.#billedScale] = [f.billed_revenue.values, f.billed_revenue.scale];
    [this.#income, this.#incomeScale] = [f.settlement_income.values, f.settlement_income.scale];
    [this.#inter, this.#interScale] = [f.settlement_cost_inter.values, f.settlement_cost_inter.scale];
    [this.#intra, this.#intraScale] = [f.settlement_cost_intra.values, f.settlement_cost_intra.scale];
    [this.#commission, this.#commissionScale] = [f.commission.values, f.commission.scale];
    [this.#discount, this.#discountScale] = [f.marketing_discount.values, f.marketing_discount.scale];
    [this.#subsidy, this.#subsidyScale] = [f.handset_subsidy.values, f.handset_subsidy.scale];
    [this.#points, this.#pointsScale] = [f.points_cost.values, f.points_cost.scale];
  }

  /** revenue(c,m) of row r: billed revenue plus settlement income, added onto 0. */
  revenueAt(r: number): number {
    return 0 + (this.#billed[r] as number) / this.#billedScale + (this.#income[r] as number) / this.#incomeScale;
  }

  /** settlement_cost(c,m) of row r: inter-network plus intra-network, added onto 0. */
  settlementCostAt(r: number): number {
    return 0 + (this.#inter[r] as number) / this.#interScale + (this.#intra[r] as number) / this.#intraScale;
  }

  /** individual_cost(c,m) of row r: the settlement cost, then commission, discount, subsidy and points, in that order. */
  individualCostAt(r: number): number {
    return (
      this.settlementCostAt(r) +
      (this.#commission[r] as number) / this.#commissionScale +
      (this.#discount[r] as number) / this.#discountScale +
      (this.#subsidy[r] as number) / this.#subsidyScale +
      (this.#points[r] as number) / this.#pointsScale
    );
  }

  // Whole columns, built on first read and then kept: for tests and small data. The engine,
  // the trace and the writers read revenueAt and individualCostAt, so a run never holds these.
  get revenue(): Float64Array {
    return this.#allColumns().revenue;
  }
  get individualCost(): Float64Array {
    return this.#allColumns().individualCost;
  }
  #allColumns(): { revenue: Float64Array; individualCost: Float64Array } {
    if (this.#columns === undefined) {
      const n = this.#rows;
      const revenue = new Float64Array(n);
      const individualCost = new Float64Array(n);
      for (let r = 0; r < n; r++) {
        revenue[r] = this.revenueAt(r);
        individualCost[r] = this.individualCostAt(r);
      }
      this.#columns = { revenue, individualCost };
    }
    return this.#columns;
  }
}

export function computeRowMoney(facts: FactTable): RowMoney {
  return new RowMoney(facts);
}

/** SPEC §2's settlement cost of row r: inter-network plus intra-network, added onto 0 as RowMoney.settlementCostAt does. */
export function settlementCostAt(facts: FactTable, r: number): number {
  return 0 + numberAt(facts.numbers.settlement_cost_inter, r) + numberAt(facts.numbers.settlement_cost_intra, r);
}
