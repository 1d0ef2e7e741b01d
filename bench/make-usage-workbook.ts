/**
 * A usage workbook like PERF-BASELINES's: N rows = N/3 customers × 3 months, 18 columns,
 * written by exceljs's streaming writer with shared strings and styles (as BOSS exports look
 * after a round trip through Excel). Usage: tsx bench/make-usage-workbook.ts <rows> <out.xlsx>
 */
import ExcelJS from 'exceljs';
import { seededRandom } from './seeded-random.js';

const rows = Number(process.argv[2]);
const out = process.argv[3];
if (!Number.isInteger(rows) || rows < 3 || out === undefined) throw new Error('usage: make-usage-workbook <rows> <out.xlsx>');

const BRANCHES = ['郑州', '开封', '洛阳', '平顶山', '安阳', '鹤壁', '新乡', '焦作', '濮阳', '许昌', '漯河', '三门峡', '南阳', '商丘', '信阳', '周口', '驻马店', '济源'];
const PLANS = Array.from({ length: 15 }, (_, i) => `畅享套餐${i + 1}`);
const CHANNELS = ['自有营业厅', '社会渠道', '电子渠道'];
const BRANDS = ['全球通', '动感地带', '神州行'];
const SEGMENTS = ['商务精英', '年轻学生', '家庭用户', '流动人口'];
const MONEY = ['billed_revenue', 'commission', 'marketing_discount', 'handset_subsidy', 'points_cost', 'settlement_cost_inter', 'settlement_cost_intra'];
const HEADER = ['customer_id', 'month', 'branch', 'channel', 'brand', 'plan', 'segment', 'join_date', 'billed_revenue', 'minutes', 'data_mb', 'sms', 'commission', 'marketing_discount', 'handset_subsidy', 'points_cost', 'settlement_cost_inter', 'settlement_cost_intra'];

const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useSharedStrings: true, useStyles: true });
const sheet = book.addWorksheet('usage');
sheet.columns = HEADER.map((h) => ({ header: h, key: h, style: h === 'join_date' ? { numFmt: 'yyyy-mm-dd' } : MONEY.includes(h) ? { numFmt: '0.00' } : {} }));
const customers = Math.floor(rows / 3);
const random = seededRandom(1);
for (const month of ['2026-07', '2026-08', '2026-09']) {
  for (let c = 0; c < customers; c++) {
    const r = random();
    sheet
      .addRow([
        `138${String(10000000 + c).padStart(8, '0')}`, month, BRANCHES[c % 18], CHANNELS[c % 3], BRANDS[c % 3], PLANS[c % 15], SEGMENTS[c % 4],
        new Date(Date.UTC(2015 + (c % 10), c % 12, 1 + (c % 28))),
        Math.round(r * 20000) / 100, Math.floor(r * 900), Math.floor(r * 30000), Math.floor(r * 90),
        Math.round(r * 500) / 100, Math.round(r * 300) / 100, Math.round(r * 200) / 100, Math.round(r * 100) / 100, Math.round(r * 250) / 100, Math.round(r * 150) / 100,
      ])
      .commit();
  }
}
sheet.commit();
await book.commit();
