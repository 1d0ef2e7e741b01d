/**
 * The sample province: Henan Mobile's 18 prefecture branches, its three brands, plans,
 * channels, customer segments, campaigns and monthly common cost pools. Pure data, so the
 * generator stays deterministic and the figures can be reviewed in one place.
 *
 * Money is yuan per customer per month. The levels are tuned so that with the default
 * scenario (pools shared 50% per user, 50% by minutes) roughly 15% of customers come out
 * negative-value: cheap high-minute prepaid plans and rural cards carry a full per-user share
 * of the common costs, as in the 2008 evaluation that motivated the model.
 */

export interface Branch {
  readonly name: string;
  /** Relative number of subscribers (roughly 10k subscribers). */
  readonly weight: number;
  /** Share of the branch's customers in the rural segment. */
  readonly ruralShare: number;
  /** Telephone area code; account-style customer ids start with it. */
  readonly areaCode: string;
}

export const BRANCHES: readonly Branch[] = [
  { name: '郑州', weight: 1700, ruralShare: 0.08, areaCode: '0371' },
  { name: '开封', weight: 420, ruralShare: 0.3, areaCode: '0378' },
  { name: '洛阳', weight: 720, ruralShare: 0.22, areaCode: '0379' },
  { name: '平顶山', weight: 450, ruralShare: 0.3, areaCode: '0375' },
  { name: '安阳', weight: 500, ruralShare: 0.3, areaCode: '0372' },
  { name: '鹤壁', weight: 150, ruralShare: 0.22, areaCode: '0392' },
  { name: '新乡', weight: 560, ruralShare: 0.28, areaCode: '0373' },
  { name: '焦作', weight: 340, ruralShare: 0.22, areaCode: '0391' },
  { name: '濮阳', weight: 340, ruralShare: 0.35, areaCode: '0393' },
  { name: '许昌', weight: 420, ruralShare: 0.3, areaCode: '0374' },
  { name: '漯河', weight: 240, ruralShare: 0.3, areaCode: '0395' },
  { name: '三门峡', weight: 210, ruralShare: 0.25, areaCode: '0398' },
  { name: '南阳', weight: 850, ruralShare: 0.38, areaCode: '0377' },
  { name: '商丘', weight: 640, ruralShare: 0.42, areaCode: '0370' },
  { name: '信阳', weight: 540, ruralShare: 0.4, areaCode: '0376' },
  { name: '周口', weight: 700, ruralShare: 0.45, areaCode: '0394' },
  { name: '驻马店', weight: 580, ruralShare: 0.45, areaCode: '0396' },
  // 济源 shares 焦作's area code; account ids stay unique because their serial is global.
  { name: '济源', weight: 75, ruralShare: 0.15, areaCode: '0391' },
];

export const BRANDS = ['全球通', '动感地带', '神州行'] as const;
export type Brand = (typeof BRANDS)[number];

export interface Plan {
  readonly name: string;
  readonly brand: Brand;
  /** Monthly fee; the included minutes and data are the plan's typical usage. */
  readonly fee: number;
  readonly minutes: number;
  readonly dataMb: number;
  readonly sms: number;
  readonly vas: number;
  /** Intra-network settlement paid per MB (inter-province data roaming). */
  readonly dataSettlementPerMb: number;
}

const DATA_SETTLEMENT_PER_MB = 0.0006;

export const GPRS_PLAN_NAME = 'GPRS流量包';

export const PLANS = [
  { name: '全球通商旅套餐', brand: '全球通', fee: 288, minutes: 1600, dataMb: 8000, sms: 60, vas: 3, dataSettlementPerMb: DATA_SETTLEMENT_PER_MB },
  { name: '全球通畅享套餐', brand: '全球通', fee: 158, minutes: 900, dataMb: 5000, sms: 40, vas: 2, dataSettlementPerMb: DATA_SETTLEMENT_PER_MB },
  { name: '全球通88套餐', brand: '全球通', fee: 88, minutes: 500, dataMb: 3000, sms: 30, vas: 1, dataSettlementPerMb: DATA_SETTLEMENT_PER_MB },
  { name: '全球通家庭套餐', brand: '全球通', fee: 128, minutes: 700, dataMb: 6000, sms: 20, vas: 2, dataSettlementPerMb: DATA_SETTLEMENT_PER_MB },
  { name: '全球通集团V网套餐', brand: '全球通', fee: 68, minutes: 800, dataMb: 1500, sms: 20, vas: 1, dataSettlementPerMb: DATA_SETTLEMENT_PER_MB },
  { name: '动感地带校园套餐', brand: '动感地带', fee: 18, minutes: 80, dataMb: 2500, sms: 60, vas: 1, dataSettlementPerMb: DATA_SETTLEMENT_PER_MB },
  { name: '动感地带音乐套餐', brand: '动感地带', fee: 28, minutes: 120, dataMb: 2000, sms: 50, vas: 2, dataSettlementPerMb: DATA_SETTLEMENT_PER_MB },
  { name: '动感地带网聊套餐', brand: '动感地带', fee: 38, minutes: 150, dataMb: 4000, sms: 30, vas: 1, dataSettlementPerMb: DATA_SETTLEMENT_PER_MB },
  { name: '动感地带随心卡', brand: '动感地带', fee: 58, minutes: 300, dataMb: 8000, sms: 20, vas: 1, dataSettlementPerMb: DATA_SETTLEMENT_PER_MB },
  { name: '神州行畅听卡', brand: '神州行', fee: 28, minutes: 500, dataMb: 200, sms: 15, vas: 0, dataSettlementPerMb: DATA_SETTLEMENT_PER_MB },
  { name: '神州行大众卡', brand: '神州行', fee: 38, minutes: 350, dataMb: 1000, sms: 20, vas: 0, dataSettlementPerMb: DATA_SETTLEMENT_PER_MB },
  { name: '神州行家园卡', brand: '神州行', fee: 18, minutes: 250, dataMb: 150, sms: 10, vas: 0, dataSettlementPerMb: DATA_SETTLEMENT_PER_MB },
  { name: '神州行亲情卡', brand: '神州行', fee: 15, minutes: 200, dataMb: 80, sms: 8, vas: 0, dataSettlementPerMb: DATA_SETTLEMENT_PER_MB },
  { name: '神州行8元保号套餐', brand: '神州行', fee: 8, minutes: 40, dataMb: 30, sms: 5, vas: 0, dataSettlementPerMb: DATA_SETTLEMENT_PER_MB },
  // A flat data card used heavily while roaming: the roaming settlement per MB is above the
  // price per MB, so the plan's settlement cost exceeds its revenue (结算倒挂).
  { name: GPRS_PLAN_NAME, brand: '神州行', fee: 20, minutes: 0, dataMb: 6000, sms: 0, vas: 0, dataSettlementPerMb: 0.0048 },
] as const satisfies readonly Plan[];

export type PlanName = (typeof PLANS)[number]['name'];

export interface Channel {
  readonly name: string;
  /** Commission as a share of billed revenue in the first year after joining, and after. */
  readonly firstYearCommission: number;
  readonly commission: number;
  /** Store clerk points (店员积分) paid each month of the customer's first year. */
  readonly clerkPoints: number;
}

export const CHANNELS = [
  { name: '自有营业厅', firstYearCommission: 0, commission: 0, clerkPoints: 3 },
  { name: '社会渠道', firstYearCommission: 0.12, commission: 0.04, clerkPoints: 2 },
  { name: '电子渠道', firstYearCommission: 0.02, commission: 0.01, clerkPoints: 0 },
  { name: '集团客户经理', firstYearCommission: 0.05, commission: 0.02, clerkPoints: 0 },
  { name: '10086热线', firstYearCommission: 0.01, commission: 0.005, clerkPoints: 0 },
] as const satisfies readonly Channel[];

export type ChannelName = (typeof CHANNELS)[number]['name'];

export interface Segment {
  readonly name: string;
  /** Relative size among urban customers (the rural segment is sized by the branch). */
  readonly weight: number;
  /** Multiplies every usage figure of the plan. */
  readonly usage: number;
  readonly plans: Readonly<Partial<Record<PlanName, number>>>;
  readonly channels: Readonly<Partial<Record<ChannelName, number>>>;
}

export const RURAL_SEGMENT_NAME = '农村用户';

export const SEGMENTS: readonly Segment[] = [
  {
    name: '商务精英', weight: 8, usage: 1.25,
    plans: { '全球通商旅套餐': 3, '全球通畅享套餐': 4, '全球通88套餐': 3, '动感地带随心卡': 1 },
    channels: { '自有营业厅': 5, '社会渠道': 2, '电子渠道': 2, '集团客户经理': 1 },
  },
  {
    name: '家庭用户', weight: 30, usage: 1,
    plans: { '全球通家庭套餐': 3, '全球通88套餐': 2, '神州行大众卡': 4, '神州行畅听卡': 3, '神州行家园卡': 2, 'GPRS流量包': 1 },
    channels: { '自有营业厅': 4, '社会渠道': 5, '电子渠道': 1, '10086热线': 1 },
  },
  {
    name: '年轻学生', weight: 16, usage: 1.1,
    plans: { '动感地带校园套餐': 6, '动感地带音乐套餐': 3, '动感地带网聊套餐': 3, '动感地带随心卡': 2, 'GPRS流量包': 1 },
    channels: { '自有营业厅': 2, '社会渠道': 4, '电子渠道': 4 },
  },
  {
    name: '流动人口', weight: 14, usage: 0.95,
    plans: { '神州行畅听卡': 4, '神州行大众卡': 3, '神州行8元保号套餐': 2, '动感地带网聊套餐': 2, 'GPRS流量包': 1 },
    channels: { '自有营业厅': 2, '社会渠道': 7, '电子渠道': 1 },
  },
  {
    name: '政企客户', weight: 7, usage: 1.1,
    plans: { '全球通集团V网套餐': 6, '全球通商旅套餐': 1, '全球通88套餐': 2, 'GPRS流量包': 1 },
    channels: { '自有营业厅': 2, '集团客户经理': 8 },
  },
  {
    name: '中老年用户', weight: 12, usage: 0.75,
    plans: { '神州行畅听卡': 3, '神州行8元保号套餐': 3, '神州行亲情卡': 3, '全球通88套餐': 1 },
    channels: { '自有营业厅': 5, '社会渠道': 3, '10086热线': 2 },
  },
  {
    name: RURAL_SEGMENT_NAME, weight: 0, usage: 0.8,
    plans: { '神州行家园卡': 5, '神州行8元保号套餐': 3, '神州行亲情卡': 3, '神州行畅听卡': 2, 'GPRS流量包': 0.5 },
    channels: { '自有营业厅': 2, '社会渠道': 8 },
  },
];

/** Interconnection and overage tariffs (yuan). */
export const TARIFFS = {
  /** Share of outgoing minutes that end on another operator's network. */
  otherNetOutgoingShare: 0.3,
  /** Incoming minutes from other operators, as a share of the customer's own minutes. */
  otherNetIncomingShare: 0.25,
  interSettlementPerMinute: 0.06,
  interSettlementPerSms: 0.01,
  intraSettlementPerMinute: 0.008,
  overagePerMinute: 0.19,
  overagePerMb: 0.003,
  /** Overage on data is capped per month (流量封顶). */
  dataOverageCap: 60,
  vasPrice: 3,
} as const;

export interface Campaign {
  readonly name: string;
  /** Per-participant cost (营销活动成本). */
  readonly cost: number;
  readonly participation: Readonly<Record<Brand, number>>;
  /** From the start month on: billed revenue × revenueFactor + extraRevenue. */
  readonly revenueFactor: number;
  readonly extraRevenue: number;
  readonly dataFactor: number;
  /** Monthly handset subsidy from the start month on. */
  readonly handsetSubsidy: number;
}

export const CAMPAIGNS: readonly Campaign[] = [
  {
    name: '流量包促销', cost: 12,
    participation: { '全球通': 0.02, '动感地带': 0.06, '神州行': 0.03 },
    revenueFactor: 1, extraRevenue: 10, dataFactor: 1.5, handsetSubsidy: 0,
  },
  {
    name: '合约购机', cost: 80,
    participation: { '全球通': 0.05, '动感地带': 0.02, '神州行': 0.01 },
    revenueFactor: 1.15, extraRevenue: 0, dataFactor: 1.1, handsetSubsidy: 45,
  },
];

export interface PoolScopeDef {
  readonly field: 'branch';
  readonly value: string;
}

export interface CostPoolDef {
  readonly name: string;
  /** Monthly amount per customer in scope, before the month's variation. */
  readonly perCustomer: number;
  readonly scope: PoolScopeDef | null;
  /** Largest relative month-to-month variation. */
  readonly variation: number;
}

export const COST_POOLS: readonly CostPoolDef[] = [
  { name: '营销机构成本', perCustomer: 4.2, scope: null, variation: 0.04 },
  { name: '通信业务成本', perCustomer: 3.2, scope: null, variation: 0.03 },
  { name: '广告宣传成本', perCustomer: 1.2, scope: null, variation: 0.25 },
  { name: '网络运维成本', perCustomer: 5.4, scope: null, variation: 0.02 },
  { name: '郑州分公司专项成本', perCustomer: 2, scope: { field: 'branch', value: '郑州' }, variation: 0.1 },
];
