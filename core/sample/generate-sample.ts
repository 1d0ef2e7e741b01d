/**
 * Deterministic generator of a provincial operator's monthly exports (the SPEC §1 inputs).
 * Customers are produced one after another from one pure-rand stream and handed out in
 * batches, so a writer can stream a million customers × months without holding them all;
 * the same options always give the same rows, whatever the batch size.
 */
import { unsafeUniformIntDistribution, xoroshiro128plus, type RandomGenerator } from 'pure-rand';
import { monthKey, monthNumber, isMonthKey } from '../model/month.js';
import {
  BRANCHES,
  CAMPAIGNS,
  CHANNELS,
  COST_POOLS,
  PLANS,
  RURAL_SEGMENT_NAME,
  SEGMENTS,
  TARIFFS,
  type Brand,
  type Branch,
  type Campaign,
  type Channel,
  type Plan,
  type Segment,
} from './province.js';

export interface SampleOptions {
  readonly customers: number;
  readonly months: number;
  /** Last generated month, YYYY-MM (default 2026-09). */
  readonly endMonth?: string;
  /** 0 … 2^32−1, default 20260901. */
  readonly seed?: number;
}

export interface UsageRow {
  readonly customer_id: string;
  readonly month: string;
  readonly billed_revenue: number;
  readonly branch: string;
  readonly channel: string;
  readonly brand: string;
  readonly plan: string;
  readonly segment: string;
  readonly join_date: string;
  readonly minutes: number;
  readonly data_mb: number;
  readonly sms: number;
  readonly vas_count: number;
}

export interface SettlementRow {
  readonly customer_id: string;
  readonly month: string;
  readonly settlement_income: number;
  readonly settlement_cost_inter: number;
  readonly settlement_cost_intra: number;
}

export interface IndividualCostRow {
  readonly customer_id: string;
  readonly month: string;
  readonly commission: number;
  readonly marketing_discount: number;
  readonly handset_subsidy: number;
  readonly points_cost: number;
}

export interface CreditRow {
  readonly customer_id: string;
  readonly month: string;
  readonly suspension_count: number;
  readonly suspension_days: number;
  readonly arrears: number;
}

export interface CampaignRow {
  readonly customer_id: string;
  readonly campaign: string;
  readonly start_month: string;
  readonly cost: number;
}

export interface CostPoolRow {
  readonly pool: string;
  readonly month: string;
  readonly amount: number;
  /** '' (every customer present in the month) or `field=value`. */
  readonly scope: string;
}

/**
 * The rows of consecutive customers, each customer's months in order. Settlement, individual
 * cost and credit rows exist only where a value is non-zero, as in the operator's exports.
 */
export interface SampleBatch {
  readonly usage: UsageRow[];
  readonly settlement: SettlementRow[];
  readonly individualCosts: IndividualCostRow[];
  readonly credit: CreditRow[];
  readonly campaigns: CampaignRow[];
}

export type SampleRowKind = keyof SampleBatch;

export interface Sample {
  readonly customers: number;
  readonly seed: number;
  /** Generated months, oldest first. */
  readonly months: readonly string[];
  /** Five pools per month (small, so built at once). */
  readonly costPools: readonly CostPoolRow[];
  /** Restarts the generation at the first customer on every call. */
  batches(customersPerBatch?: number): Generator<SampleBatch>;
  /** The rows of one kind; generates every kind underneath, so use batches() for several. */
  rows<K extends SampleRowKind>(kind: K): Generator<SampleBatch[K][number]>;
}

export const DEFAULT_SEED = 20260901;
export const DEFAULT_END_MONTH = '2026-09';
export const MAX_MONTHS = 36;
const MAX_CUSTOMERS = 100_000_000;
// Small batches let the rows die young in V8's new space; at 10,000 customers per batch
// old-space collections doubled the time of writing 1M customers.
export const DEFAULT_CUSTOMERS_PER_BATCH = 500;

/** Behaviour rates: per customer unless marked per month. */
const RATES = {
  joinPerMonth: 0.015,
  leavePerMonth: 0.012,
  /** A month without a bill inside the data (e.g. a lapsed prepaid card later topped up). */
  gap: 0.008,
  planChange: 0.02,
  accountId: 0.005,
  discount: 0.35,
  poorCredit: 0.03,
  /** Per month: a refund (调账退费) larger than the month's bill. */
  refund: 0.004,
  /** Per month, prepaid brands; ×5 for poor-credit customers. */
  suspension: 0.03,
  /** Per month, 全球通 (postpaid); ×8 for poor-credit customers. */
  arrears: 0.01,
  /** Existing handset contract among 全球通 customers in their first two years. */
  handsetContract: 0.3,
  /** Customers without a data-capable phone, on voice plans (≤ 200 MB) and on others. */
  noDataOnVoicePlan: 0.4,
  noData: 0.03,
} as const;

const POSTPAID_BRAND: Brand = '全球通';
const GLOBAL_POINTS_RATE = 0.015;
/** Tenure is drawn as 120·u^1.4 months: ten years, weighted towards recent joiners. */
const TENURE_SPAN = 120;
const TENURE_SKEW = 1.4;
/** China Mobile number blocks; each holds 10^8 numbers. */
const MOBILE_PREFIXES = ['134', '135', '136', '137', '138', '139', '147', '150', '151', '152', '157', '158', '159', '178', '182', '183', '187', '188'];
const SUFFIX_SPACE = 100_000_000;
/** Coprime to 10^8, so serial → serial·k + offset (mod 10^8) never repeats a suffix. */
const SUFFIX_MULTIPLIER = 7_919_113;

/** Uniform draws on one pure-rand stream. */
class Draws {
  constructor(private readonly rng: RandomGenerator) {}

  /** Uniform in [0, 1). */
  unit(): number {
    return (this.rng.unsafeNext() >>> 0) / 4_294_967_296;
  }

  int(from: number, to: number): number {
    return unsafeUniformIntDistribution(from, to, this.rng);
  }

  chance(p: number): boolean {
    return this.unit() < p;
  }

  between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.unit();
  }

  /** Log-normal factor with mean 1; the normal is approximated by three uniforms. */
  spread(sigma: number): number {
    const z = (this.unit() + this.unit() + this.unit() - 1.5) * 2;
    return Math.exp(sigma * z - (sigma * sigma) / 2);
  }

  pick<T>(table: WeightedTable<T>): T {
    const x = this.unit() * table.total;
    const { cumulative, items } = table;
    for (let i = 0; i < items.length - 1; i++) if (x < (cumulative[i] ?? 0)) return items[i] as T;
    return items[items.length - 1] as T;
  }
}

class WeightedTable<T> {
  readonly items: T[] = [];
  readonly cumulative: number[] = [];
  readonly total: number;

  constructor(entries: Iterable<readonly [T, number]>) {
    let sum = 0;
    for (const [item, weight] of entries) {
      if (weight <= 0) continue;
      sum += weight;
      this.items.push(item);
      this.cumulative.push(sum);
    }
    if (this.items.length === 0) throw new Error('weighted table without positive weights');
    this.total = sum;
  }
}

function lookup<T extends { readonly name: string }>(items: readonly T[], name: string): T {
  const found = items.find((item) => item.name === name);
  if (found === undefined) throw new Error(`unknown name in province data: ${name}`);
  return found;
}

interface SegmentTables {
  readonly segment: Segment;
  readonly plans: WeightedTable<Plan>;
  readonly channels: WeightedTable<Channel>;
}

function segmentTables(segment: Segment): SegmentTables {
  const plans = Object.entries(segment.plans).map(([name, w]): [Plan, number] => [lookup(PLANS, name), w ?? 0]);
  const channels = Object.entries(segment.channels).map(([name, w]): [Channel, number] => [lookup(CHANNELS, name), w ?? 0]);
  return { segment, plans: new WeightedTable(plans), channels: new WeightedTable(channels) };
}

const BRANCH_TABLE = new WeightedTable(BRANCHES.map((b): [Branch, number] => [b, b.weight]));
const SEGMENT_TABLES = SEGMENTS.map(segmentTables);
const RURAL_TABLES = segmentTables(lookup(SEGMENTS, RURAL_SEGMENT_NAME));
const URBAN_TABLE = new WeightedTable(SEGMENT_TABLES.map((t): [SegmentTables, number] => [t, t.segment.weight]));
const TOTAL_BRANCH_WEIGHT = BRANCHES.reduce((sum, b) => sum + b.weight, 0);

interface Customer {
  readonly id: string;
  readonly branch: Branch;
  readonly tables: SegmentTables;
  readonly channel: Channel;
  readonly plan: Plan;
  readonly joinMonth: number;
  readonly joinDate: string;
  /** Present in month index k iff first ≤ k ≤ last and k ≠ gap. */
  readonly first: number;
  readonly last: number;
  readonly gap: number;
  readonly planChangeAt: number;
  readonly newPlan: Plan;
  readonly voice: number;
  readonly data: number;
  readonly discountRate: number;
  readonly handsetSubsidy: number;
  readonly poorCredit: boolean;
}

function money(x: number): number {
  return Math.round(x * 100) / 100;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function validate(options: SampleOptions): void {
  const { customers, months, endMonth, seed } = options;
  if (!Number.isInteger(customers) || customers < 1 || customers > MAX_CUSTOMERS) {
    throw new RangeError(`customers must be an integer from 1 to ${MAX_CUSTOMERS}: ${customers}`);
  }
  if (!Number.isInteger(months) || months < 1 || months > MAX_MONTHS) {
    throw new RangeError(`months must be an integer from 1 to ${MAX_MONTHS}: ${months}`);
  }
  if (endMonth !== undefined && !isMonthKey(endMonth)) throw new RangeError(`endMonth must be YYYY-MM: ${endMonth}`);
  // xoroshiro128plus takes 32 bits of the seed; a wider seed would silently repeat a stream.
  if (seed !== undefined && (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)) {
    throw new RangeError(`seed must be an integer from 0 to 4294967295: ${seed}`);
  }
}

function seededDraws(seed: number): Draws {
  const rng = xoroshiro128plus(seed);
  // The seeding leaves the first outputs of nearby seeds correlated; skip past them.
  for (let i = 0; i < 32; i++) rng.unsafeNext();
  return new Draws(rng);
}

function costPools(draws: Draws, customers: number, months: readonly string[]): CostPoolRow[] {
  const rows: CostPoolRow[] = [];
  for (const month of months) {
    for (const pool of COST_POOLS) {
      const share = pool.scope === null ? 1 : lookup(BRANCHES, pool.scope.value).weight / TOTAL_BRANCH_WEIGHT;
      const variation = 1 + pool.variation * (2 * draws.unit() - 1);
      rows.push({
        pool: pool.name,
        month,
        amount: money(pool.perCustomer * customers * share * variation),
        scope: pool.scope === null ? '' : `${pool.scope.field}=${pool.scope.value}`,
      });
    }
  }
  return rows;
}

/** Generates the sample; nothing is computed for customers until batches() is iterated. */
export function generateSample(options: SampleOptions): Sample {
  validate(options);
  const seed = options.seed ?? DEFAULT_SEED;
  const end = monthNumber(options.endMonth ?? DEFAULT_END_MONTH);
  const monthCount = options.months;
  const firstMonth = end - monthCount + 1;
  const months = Array.from({ length: monthCount }, (_, k) => monthKey(firstMonth + k));
  // Pools draw from their own seed so that they do not shift the customers' stream.
  const costPoolRows = costPools(seededDraws(seed ^ 0x5bd1e995), options.customers, months);
  // Campaigns start mid-data, so that with 2·W months both evaluation windows are present.
  const campaignStart = Math.floor(monthCount / 2);

  function* batches(customersPerBatch = DEFAULT_CUSTOMERS_PER_BATCH): Generator<SampleBatch> {
    if (!Number.isInteger(customersPerBatch) || customersPerBatch < 1) {
      throw new RangeError(`customersPerBatch must be a positive integer: ${customersPerBatch}`);
    }
    const draws = seededDraws(seed);
    const mobileOffsets = MOBILE_PREFIXES.map(() => draws.int(0, SUFFIX_SPACE - 1));
    const mobileSerials = MOBILE_PREFIXES.map(() => 0);
    const accountOffset = draws.int(0, SUFFIX_SPACE - 1);
    let accountSerial = 0;

    const suffix = (serial: number, offset: number): string =>
      String((serial * SUFFIX_MULTIPLIER + offset) % SUFFIX_SPACE).padStart(8, '0');

    const nextId = (branch: Branch): string => {
      // A small share are account-style text ids with a leading zero (leading-zero rule).
      if (draws.chance(RATES.accountId)) return branch.areaCode + suffix(accountSerial++, accountOffset);
      const p = draws.int(0, MOBILE_PREFIXES.length - 1);
      const serial = mobileSerials[p] ?? 0;
      mobileSerials[p] = serial + 1;
      return (MOBILE_PREFIXES[p] ?? '') + suffix(serial, mobileOffsets[p] ?? 0);
    };

    const presence = (): { first: number; last: number; gap: number; joinMonth: number } => {
      const extra = monthCount - 1;
      const pJoin = 1 - (1 - RATES.joinPerMonth) ** extra;
      const pLeave = 1 - (1 - RATES.leavePerMonth) ** extra;
      const r = draws.unit();
      const tenureBefore = Math.floor(TENURE_SPAN * draws.unit() ** TENURE_SKEW);
      if (r < pJoin) {
        const first = draws.int(1, extra);
        return { first, last: extra, gap: -1, joinMonth: firstMonth + first };
      }
      const joinMonth = firstMonth - tenureBefore;
      if (r < pJoin + pLeave) return { first: 0, last: draws.int(0, extra - 1), gap: -1, joinMonth };
      if (monthCount >= 3 && r < pJoin + pLeave + RATES.gap) {
        return { first: 0, last: extra, gap: draws.int(1, extra - 1), joinMonth };
      }
      return { first: 0, last: extra, gap: -1, joinMonth };
    };

    const nextCustomer = (): Customer => {
      const branch = draws.pick(BRANCH_TABLE);
      const tables = draws.chance(branch.ruralShare) ? RURAL_TABLES : draws.pick(URBAN_TABLE);
      const channel = draws.pick(tables.channels);
      const plan = draws.pick(tables.plans);
      const id = nextId(branch);
      const { first, last, gap, joinMonth } = presence();
      let planChangeAt = -1;
      let newPlan = plan;
      if (monthCount >= 2 && draws.chance(RATES.planChange)) {
        planChangeAt = draws.int(1, monthCount - 1);
        while (newPlan === plan) newPlan = draws.pick(tables.plans);
      }
      const voicePlan = plan.dataMb <= 200;
      const noData = draws.chance(voicePlan ? RATES.noDataOnVoicePlan : RATES.noData);
      const handset =
        plan.brand === POSTPAID_BRAND && draws.chance(RATES.handsetContract) ? money(draws.between(30, 80)) : 0;
      return {
        id,
        branch,
        tables,
        channel,
        plan,
        joinMonth,
        joinDate: `${monthKey(joinMonth)}-${pad2(draws.int(1, 28))}`,
        first,
        last,
        gap,
        planChangeAt,
        newPlan,
        voice: draws.spread(0.5),
        data: noData ? 0 : draws.spread(0.6),
        discountRate: draws.chance(RATES.discount) ? draws.between(0.05, 0.25) : 0,
        handsetSubsidy: handset,
        poorCredit: draws.chance(RATES.poorCredit),
      };
    };

    const present = (c: Customer, k: number): boolean => k >= c.first && k <= c.last && k !== c.gap;
    const planAt = (c: Customer, k: number): Plan => (c.planChangeAt >= 0 && k >= c.planChangeAt ? c.newPlan : c.plan);

    const emitCustomer = (c: Customer, out: SampleBatch): void => {
      const joined: Campaign[] = [];
      if (present(c, campaignStart)) {
        const brand = planAt(c, campaignStart).brand;
        for (const campaign of CAMPAIGNS) {
          if (!draws.chance(campaign.participation[brand])) continue;
          joined.push(campaign);
          out.campaigns.push({ customer_id: c.id, campaign: campaign.name, start_month: months[campaignStart] ?? '', cost: campaign.cost });
        }
      }
      for (let k = 0; k < monthCount; k++) {
        if (!present(c, k)) continue;
        emitMonth(c, k, k >= campaignStart ? joined : [], out);
      }
    };

    const emitMonth = (c: Customer, k: number, campaigns: readonly Campaign[], out: SampleBatch): void => {
      const plan = planAt(c, k);
      const month = months[k] ?? '';
      const usage = c.tables.segment.usage;
      let revenueFactor = 1;
      let extraRevenue = 0;
      let dataFactor = 1;
      let campaignHandset = 0;
      for (const campaign of campaigns) {
        revenueFactor *= campaign.revenueFactor;
        extraRevenue += campaign.extraRevenue;
        dataFactor *= campaign.dataFactor;
        campaignHandset += campaign.handsetSubsidy;
      }

      const minutes = Math.round(plan.minutes * usage * c.voice * draws.between(0.8, 1.2));
      const dataMb = Math.round(plan.dataMb * usage * c.data * dataFactor * draws.between(0.7, 1.3));
      const sms = Math.round(plan.sms * usage * draws.between(0.5, 1.5));
      const vasCount = plan.vas > 0 ? draws.int(0, 2 * plan.vas) : draws.chance(0.05) ? 1 : 0;
      const overage =
        Math.max(0, minutes - plan.minutes) * TARIFFS.overagePerMinute +
        Math.min(TARIFFS.dataOverageCap, Math.max(0, dataMb - plan.dataMb) * TARIFFS.overagePerMb) +
        vasCount * TARIFFS.vasPrice;
      const billed = draws.chance(RATES.refund)
        ? -plan.fee * draws.between(0.3, 1)
        : (plan.fee + overage) * revenueFactor + extraRevenue;
      const billedRevenue = money(billed);
      out.usage.push({
        customer_id: c.id,
        month,
        billed_revenue: billedRevenue,
        branch: c.branch.name,
        channel: c.channel.name,
        brand: plan.brand,
        plan: plan.name,
        segment: c.tables.segment.name,
        join_date: c.joinDate,
        minutes,
        data_mb: dataMb,
        sms,
        vas_count: vasCount,
      });

      const income = money(minutes * TARIFFS.otherNetIncomingShare * TARIFFS.interSettlementPerMinute);
      const inter = money(
        minutes * TARIFFS.otherNetOutgoingShare * TARIFFS.interSettlementPerMinute +
          sms * TARIFFS.otherNetOutgoingShare * TARIFFS.interSettlementPerSms,
      );
      const intra = money(
        minutes * (1 - TARIFFS.otherNetOutgoingShare) * TARIFFS.intraSettlementPerMinute + dataMb * plan.dataSettlementPerMb,
      );
      if (income !== 0 || inter !== 0 || intra !== 0) {
        out.settlement.push({ customer_id: c.id, month, settlement_income: income, settlement_cost_inter: inter, settlement_cost_intra: intra });
      }

      const tenure = firstMonth + k - c.joinMonth;
      const firstYear = tenure < 12;
      const chargeable = Math.max(billedRevenue, 0);
      const commission = money(chargeable * (firstYear ? c.channel.firstYearCommission : c.channel.commission));
      const discount = money(plan.fee * c.discountRate);
      const handset = money((tenure < 24 ? c.handsetSubsidy : 0) + campaignHandset);
      const points = money((firstYear ? c.channel.clerkPoints : 0) + (plan.brand === POSTPAID_BRAND ? chargeable * GLOBAL_POINTS_RATE : 0));
      if (commission !== 0 || discount !== 0 || handset !== 0 || points !== 0) {
        out.individualCosts.push({
          customer_id: c.id,
          month,
          commission,
          marketing_discount: discount,
          handset_subsidy: handset,
          points_cost: points,
        });
      }

      // Prepaid brands are suspended when the balance runs out; 全球通 (postpaid) runs arrears.
      const prepaid = plan.brand !== POSTPAID_BRAND;
      const suspended = prepaid && draws.chance(RATES.suspension * (c.poorCredit ? 5 : 1));
      const inArrears = !prepaid && chargeable > 0 && draws.chance(RATES.arrears * (c.poorCredit ? 8 : 1));
      if (suspended || inArrears) {
        const count = suspended ? (draws.chance(0.25) ? 2 : 1) : 0;
        out.credit.push({
          customer_id: c.id,
          month,
          suspension_count: count,
          suspension_days: count === 0 ? 0 : draws.int(count, 12 * count),
          arrears: inArrears ? Math.max(0.01, money(chargeable * draws.between(0.5, 2))) : 0,
        });
      }
    };

    let done = 0;
    while (done < options.customers) {
      const size = Math.min(customersPerBatch, options.customers - done);
      const batch: SampleBatch = { usage: [], settlement: [], individualCosts: [], credit: [], campaigns: [] };
      for (let i = 0; i < size; i++) emitCustomer(nextCustomer(), batch);
      done += size;
      yield batch;
    }
  }

  function* rows<K extends SampleRowKind>(kind: K): Generator<SampleBatch[K][number]> {
    for (const batch of batches()) yield* batch[kind];
  }

  return { customers: options.customers, seed, months, costPools: costPoolRows, batches, rows };
}
