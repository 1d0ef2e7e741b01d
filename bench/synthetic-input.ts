/**
 * A columnar ModelInput built straight into typed arrays, for benchmarks at a million
 * customers where going through CSV would measure the reader instead of the engine.
 */
import { CATEGORY_FIELDS, FACT_FIELDS, NUMERIC_FACT_FIELDS, type CategoryField, type NumericFactField } from '../core/model/fields.js';
import type { CostPool, FactTable, ModelInput } from '../core/model/dataset.js';
import { monthNumber } from '../core/model/month.js';
import { PackedIds } from '../core/model/id-list.js';
import type { NumberColumn } from '../core/model/number-column.js';
import { seededRandom } from './seeded-random.js';

/** Money fields are generated in whole fen (scale 100), the others as whole numbers. */
const MONEY = new Set(FACT_FIELDS.filter((f) => f.type === 'money').map((f) => f.name));

const DICTS: Record<CategoryField, string[]> = {
  branch: ['郑州', '开封', '洛阳', '平顶山', '安阳', '鹤壁', '新乡', '焦作', '濮阳', '许昌', '漯河', '三门峡', '南阳', '商丘', '信阳', '周口', '驻马店', '济源'],
  channel: ['自有营业厅', '社会渠道', '电子渠道', '集团客户经理'],
  brand: ['全球通', '动感地带', '神州行'],
  plan: Array.from({ length: 15 }, (_, i) => `套餐${i + 1}`),
  segment: ['商务精英', '家庭用户', '年轻学生', '流动人口', '政企客户', '农村用户'],
};

export function syntheticInput(customers: number, monthsCount: number, seed = 7): ModelInput {
  const rand = seededRandom(seed);
  const firstMonth = monthNumber('2026-09') - monthsCount + 1;
  const rows = customers * monthsCount;
  // Whole numbers and whole fen in 32 bits, as the importer compacts such columns (number-column.ts).
  const numbers = Object.fromEntries(NUMERIC_FACT_FIELDS.map((f) => [f, new Int32Array(rows)])) as Record<NumericFactField, Int32Array>;
  // A byte per row: every dictionary here is far below 256 values, as the importer would store it.
  const categories = Object.fromEntries(CATEGORY_FIELDS.map((f) => [f, new Uint8Array(rows)])) as Record<CategoryField, Uint8Array>;
  const customer = new Int32Array(rows);
  const joinMonth = new Int32Array(rows);
  const customerIds = PackedIds.fromSorted(Array.from({ length: customers }, (_, i) => String(13800000000 + i)));
  const join = Int32Array.from({ length: customers }, () => firstMonth + monthsCount - 1 - Math.floor(rand() * 120));
  const attrs = CATEGORY_FIELDS.map((f) => Int32Array.from({ length: customers }, () => Math.floor(rand() * DICTS[f].length)));
  for (let m = 0; m < monthsCount; m++) {
    for (let c = 0; c < customers; c++) {
      const r = m * customers + c;
      customer[r] = c;
      joinMonth[r] = join[c] as number;
      CATEGORY_FIELDS.forEach((f, k) => (categories[f][r] = (attrs[k] as Int32Array)[c] as number));
      const fee = 20 + rand() * 180;
      numbers.billed_revenue[r] = Math.round(fee * 100);
      numbers.minutes[r] = Math.floor(rand() * 1000);
      numbers.data_mb[r] = Math.floor(rand() * 20000);
      numbers.sms[r] = Math.floor(rand() * 100);
      numbers.vas_count[r] = Math.floor(rand() * 3);
      numbers.settlement_income[r] = Math.round(rand() * 1000);
      numbers.settlement_cost_inter[r] = Math.round(rand() * 1500);
      numbers.settlement_cost_intra[r] = Math.round(rand() * 500);
      numbers.commission[r] = Math.round(rand() * 1000);
      numbers.marketing_discount[r] = Math.round(rand() * 800);
      numbers.suspension_count[r] = rand() < 0.05 ? 1 : 0;
      numbers.suspension_days[r] = rand() < 0.05 ? Math.floor(rand() * 10) : 0;
    }
  }
  const facts: FactTable = {
    months: Int32Array.from({ length: monthsCount }, (_, m) => firstMonth + m),
    monthStart: Int32Array.from({ length: monthsCount + 1 }, (_, m) => m * customers),
    customerIds,
    customer,
    numbers: Object.fromEntries(NUMERIC_FACT_FIELDS.map((f) => [f, { values: numbers[f], scale: MONEY.has(f) ? 100 : 1 }])) as Record<NumericFactField, NumberColumn>,
    categories,
    dictionaries: DICTS,
    joinMonth,
  };
  const pools: CostPool[] = [];
  for (let m = 0; m < monthsCount; m++) {
    const month = firstMonth + m;
    const perCustomer = (yuan: number) => Math.round(yuan * customers * 100);
    pools.push({ pool: '营销机构成本', month, amountFen: perCustomer(18), scope: null });
    pools.push({ pool: '通信业务成本', month, amountFen: perCustomer(25), scope: null });
    pools.push({ pool: '广告宣传成本', month, amountFen: perCustomer(4), scope: null });
    pools.push({ pool: '网络运维成本', month, amountFen: perCustomer(12), scope: null });
    pools.push({ pool: '郑州分公司专项成本', month, amountFen: perCustomer(1.5), scope: { field: 'branch', value: '郑州' } });
  }
  return { facts, pools, campaigns: [], warnings: [] };
}
