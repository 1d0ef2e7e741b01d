/**
 * The text of the templates' 说明 sheets, in Chinese and English. It restates the import rules
 * of SPEC §1 and docs/model.md ("Inputs") for the people who fill in the sheets; when those
 * rules change, this text changes with them.
 */
import type { FieldType } from '../../core/model/fields.js';
import type { InputKind } from '../../core/sample/sheet-layouts.js';

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export interface FieldNote extends Bilingual {
  /** One value of the kind's example row, typed as it should be entered. */
  readonly example: string | number | Date;
}

export interface KindNotes {
  readonly title: Bilingual;
  /** Fields whose column must exist and whose cells must not be empty. */
  readonly required: readonly string[];
  /** What one row is. */
  readonly intro: Bilingual;
  /** The kind's rules, after the general "fill in sheet X" note. */
  readonly rules: readonly Bilingual[];
}

const day = (year: number, month: number, date: number): Date => new Date(Date.UTC(year, month - 1, date));

export const FIELD_NOTES: Readonly<Record<string, FieldNote>> = {
  customer_id: { zh: '用户的手机号码或账户编号；同一用户在各表中必须一致。', en: "The customer's mobile number or account id; the same in every sheet.", example: '13838001234' },
  month: { zh: '记录所属的月份（账期）。', en: 'The month (billing period) of the row.', example: '2026-09' },
  billed_revenue: { zh: '当月出账的应收费用（元）；退费月份可为负数。', en: 'Revenue billed in the month (yuan); negative in a refund month.', example: 96.5 },
  branch: { zh: '用户所属的地市分公司。', en: "The customer's prefecture branch.", example: '郑州' },
  channel: { zh: '用户的发展渠道。', en: 'The channel that acquired the customer.', example: '自有营业厅' },
  brand: { zh: '品牌（全球通、动感地带、神州行）。', en: 'Brand (全球通, 动感地带, 神州行).', example: '全球通' },
  plan: { zh: '当月的主资费套餐。', en: "The month's main tariff plan.", example: '全球通88套餐' },
  segment: { zh: '客户细分群。', en: 'Customer segment.', example: '家庭用户' },
  join_date: {
    zh: '入网日期，用于计算在网时长；为空时按数据中连续在网的月数计算。',
    en: 'Date the customer joined, for the tenure; when empty, the tenure is the run of consecutive months in the data.',
    example: day(2019, 5, 17),
  },
  minutes: { zh: '当月通话分钟数。', en: 'Call minutes in the month.', example: 520 },
  data_mb: { zh: '当月数据流量（MB）。', en: 'Mobile data in the month (MB).', example: 3120 },
  sms: { zh: '当月短信条数。', en: 'Text messages in the month.', example: 28 },
  vas_count: { zh: '当月订购的增值业务个数。', en: 'Value-added services subscribed in the month.', example: 1 },
  settlement_income: { zh: '其他运营商结算给我方的网间结算收入（元）。', en: 'Interconnection settlement received from other operators (yuan).', example: 7.8 },
  settlement_cost_inter: { zh: '我方付给其他运营商的网间结算支出（元）。', en: 'Interconnection settlement paid to other operators (yuan).', example: 9.44 },
  settlement_cost_intra: { zh: '网内（省际、漫游）结算支出（元）。', en: 'Settlement paid inside the group: inter-province, roaming (yuan).', example: 2.91 },
  commission: { zh: '当月支付给渠道的佣金（元）。', en: 'Commission paid to the channel in the month (yuan).', example: 1.93 },
  marketing_discount: { zh: '当月给用户的营销优惠（元）。', en: 'Marketing discount given to the customer in the month (yuan).', example: 8.8 },
  handset_subsidy: { zh: '当月摊销的赠机、购机补贴成本（元）。', en: 'Handset subsidy amortised in the month (yuan).', example: 45 },
  points_cost: { zh: '当月的店员积分等奖励成本（元）。', en: 'Store clerk points and similar rewards in the month (yuan).', example: 1.45 },
  suspension_count: { zh: '当月停机次数。', en: 'Suspensions in the month.', example: 1 },
  suspension_days: { zh: '当月停机天数。', en: 'Days suspended in the month.', example: 3 },
  arrears: { zh: '当月欠费金额（元）。', en: 'Arrears of the month (yuan).', example: 0 },
  pool: { zh: '公共成本项目（成本池）的名称。', en: 'Name of the common cost pool.', example: '郑州分公司专项成本' },
  amount: { zh: '该成本池当月的总金额（元），不能为负，按分四舍五入。', en: "The pool's total for the month (yuan), not negative, rounded half-up to the fen.", example: 35000 },
  scope: {
    zh: '分摊范围：为空时分摊给当月所有在网用户；或写成 字段=值，字段可为 分公司、品牌、资费套餐、渠道。',
    en: 'Who shares the pool: empty for every customer present in the month, or field=value with field 分公司, 品牌, 资费套餐 or 渠道.',
    example: '分公司=郑州',
  },
  campaign: { zh: '营销活动名称。', en: 'Name of the campaign.', example: '合约购机' },
  start_month: { zh: '活动开始的月份。', en: 'Month the campaign started.', example: '2026-08' },
  cost: { zh: '每个参与用户的活动成本（元），不能为空或负数。', en: 'Campaign cost per participant (yuan), neither empty nor negative.', example: 80 },
};

/** How each field type is entered, for the 格式 Format column. */
export const TYPE_NOTES: Readonly<Record<FieldType, Bilingual>> = {
  id: { zh: '文本（保留前导零）', en: 'Text (leading zeros kept)' },
  month: { zh: '2026-09、202609、2026/9、2026年9月或日期', en: '2026-09, 202609, 2026/9, 2026年9月 or a date' },
  date: { zh: '日期：2026-09-01、2026/9/1、20260901、2026年9月1日', en: 'Date: a date cell, 2026-09-01, 2026/9/1, 20260901, 2026年9月1日' },
  money: { zh: '金额（元），两位小数', en: 'Yuan, two decimals' },
  number: { zh: '数字', en: 'Number' },
  text: { zh: '文本', en: 'Text' },
};

const dataSheet = (sheetName: string): Bilingual => ({
  zh: `请在「${sheetName}」表填写数据：第一行是表头，从第二行起每行一条记录。表头可用下表的中文列名或英文字段名，列的顺序不限；不认识的列会被忽略并给出警告。`,
  en: `Fill in the data on sheet ${sheetName}: row 1 is the header, one record per row from row 2. Headers may be the Chinese names or the English field names below, in any order; unknown columns are ignored with a warning.`,
});
const REQUIRED: Bilingual = {
  zh: '表头为橙色的列必须有，且单元格不能为空；空单元格会被报告为错误，并指出所在的行和列，整个文件都不导入。',
  en: 'Columns with an orange header are required and their cells must not be empty; an empty one is an error naming its row and column, and nothing of the file is imported.',
};
const FACT_DEFAULTS: Bilingual = {
  zh: '其他列可以没有；文本列为空时记为“(未知)”，数字列为空时记为 0。',
  en: 'The other columns may be left out; an empty text cell counts as “(未知)” (unknown), an empty number as 0.',
};
const MONTHS: Bilingual = {
  zh: '月份可写成 2026-09、202609、2026/9、2026年9月，也可以是日期或日期单元格（取其月份）。本模板的月份列已设为文本格式，输入 2026-09 不会被 Excel 改成日期。',
  en: 'Months may be written 2026-09, 202609, 2026/9 or 2026年9月, or given as a date or date cell (its month is used). The month columns of this template are formatted as text, so Excel keeps 2026-09 as typed.',
};
const DATES: Bilingual = {
  zh: '日期可以是日期单元格，或写成 2026-09-01、2026/9/1、20260901、2026年9月1日；必须是存在的日期。',
  en: 'Dates may be date cells or written 2026-09-01, 2026/9/1, 20260901 or 2026年9月1日; the day must exist.',
};
const AMOUNTS: Bilingual = {
  zh: '金额单位为元（不是分，也不是万元），最多两位小数，可带千分位逗号（1,234.56）。不要写货币符号或百分号。',
  en: 'Amounts are yuan (not fen, not 10,000 yuan), up to two decimals, thousands separators allowed (1,234.56). No currency symbols or percent signs.',
};
const NEGATIVES: Bilingual = {
  zh: '负数（如退费）写成 -12.30 或 (12.30)。',
  en: 'Negative amounts (a refund) are written -12.30 or (12.30).',
};
const IDS: Bilingual = {
  zh: '用户编号列已设为文本格式，Excel 不会去掉前导零，也不会把长号码变成科学计数法；若用数字单元格，最多 15 位。',
  en: 'The customer id column is formatted as text, so Excel keeps leading zeros and does not turn long numbers into scientific notation; a numeric cell may have at most 15 digits.',
};
const FACT_KEYS: Bilingual = {
  zh: '同一用户同一账期在一张表里只能有一行；同一个字段不要由两张表同时提供。没有对应“用量账单”行的用户-月会被忽略，并给出警告。',
  en: 'One row per customer and month in a sheet; do not give one field in two sheets. Customer-months without a row in the usage sheet are ignored with a warning.',
};
const EXAMPLE: Bilingual = {
  zh: '下表“示例”一列从上到下就是一行完整的示例数据。',
  en: 'The Example column below, read top to bottom, is one complete example row.',
};

const factRules = (dates: boolean): Bilingual[] => [REQUIRED, FACT_DEFAULTS, IDS, MONTHS, ...(dates ? [DATES] : []), AMOUNTS, NEGATIVES, FACT_KEYS];

export const KIND_NOTES: Readonly<Record<InputKind, KindNotes>> = {
  usage: {
    title: { zh: '用量账单 模板说明', en: 'Usage and billing template' },
    required: ['customer_id', 'month', 'billed_revenue'],
    intro: {
      zh: '每行是一个用户一个账期的出账和用量数据。用户在某月有一行（有应收费用）才算当月在网，并参与当月公共成本的分摊。',
      en: 'One row per customer and month of billing and usage. A customer counts as present in a month, and shares that month’s common costs, only with a row here (billed revenue).',
    },
    rules: factRules(true),
  },
  settlement: {
    title: { zh: '结算明细 模板说明', en: 'Settlement template' },
    required: ['customer_id', 'month'],
    intro: {
      zh: '每行是一个用户一个账期的网间、网内结算金额；没有结算的用户-月可以不写。',
      en: 'One row per customer and month of settlement amounts; customer-months without settlement may be left out.',
    },
    rules: factRules(false),
  },
  individual_costs: {
    title: { zh: '个人成本 模板说明', en: 'Individual costs template' },
    required: ['customer_id', 'month'],
    intro: {
      zh: '每行是一个用户一个账期直接发生的成本（佣金、营销优惠、赠机成本、店员积分）；没有成本的用户-月可以不写。',
      en: 'One row per customer and month of costs incurred for that customer (commission, discount, handset subsidy, clerk points); months without costs may be left out.',
    },
    rules: factRules(false),
  },
  credit: {
    title: { zh: '信用记录 模板说明', en: 'Credit template' },
    required: ['customer_id', 'month'],
    intro: {
      zh: '每行是一个用户一个账期的停机和欠费情况；没有停机和欠费的用户-月可以不写。',
      en: 'One row per customer and month of suspensions and arrears; months without either may be left out.',
    },
    rules: factRules(false),
  },
  cost_pools: {
    title: { zh: '成本池 模板说明', en: 'Cost pools template' },
    required: ['pool', 'month', 'amount'],
    intro: {
      zh: '每行是一个公共成本池（财务成本报表的一个项目）一个月的金额，按方案的分摊规则分给用户。',
      en: 'One row per common cost pool (a line of the finance cost report) and month; the scenario allocates it to customers.',
    },
    rules: [
      REQUIRED,
      MONTHS,
      AMOUNTS,
      {
        zh: '分摊范围为空时，分摊给当月所有在网用户；也可以写成 字段=值，只分给该范围的用户。字段可为 分公司、品牌、资费套餐、渠道（或 branch、brand、plan、channel），例如 分公司=郑州、品牌=全球通。',
        en: 'An empty scope shares the pool among every customer present in the month; field=value shares it among those customers only. The field is one of 分公司, 品牌, 资费套餐, 渠道 (or branch, brand, plan, channel), e.g. 分公司=郑州 or 品牌=全球通.',
      },
      {
        zh: '同一成本池同一账期只能有一行；金额不能为负。',
        en: 'One row per pool and month; amounts must not be negative.',
      },
    ],
  },
  campaigns: {
    title: { zh: '营销活动 模板说明', en: 'Campaigns template' },
    required: ['customer_id', 'campaign', 'start_month', 'cost'],
    intro: {
      zh: '每行是一个用户参加的一个营销活动，用于比较活动前后的客户价值。',
      en: 'One row per customer and campaign joined, to compare customer value before and after the campaign.',
    },
    rules: [
      REQUIRED,
      IDS,
      MONTHS,
      AMOUNTS,
      {
        zh: '同一用户同一活动只能有一行；活动成本按每个参与用户计，不能为负。',
        en: 'One row per customer and campaign; the cost is per participant and must not be negative.',
      },
    ],
  },
};

/** The notes of a kind's 说明 sheet, in order. */
export function kindNoteLines(kind: InputKind, sheetName: string): Bilingual[] {
  const { intro, rules } = KIND_NOTES[kind];
  return [intro, dataSheet(sheetName), ...rules, EXAMPLE];
}
