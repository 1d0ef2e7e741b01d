/**
 * The one service API every shell calls (DESIGN.md): channel names `domain:verb`, each with a
 * zod schema for its argument (checked where the call arrives: IPC handler, HTTP route, worker)
 * and the plain-JSON type of its answer. Pure: the renderer imports these types and schemas.
 *
 * Written out as a contract rather than derived from the handlers so the shells, the screens and
 * the handlers could be built side by side; `ServiceHandlers` makes the handlers match it exactly.
 */
import { z } from 'zod';
import type { ReportChartData } from '../charts/chart-data.js';
import type { CustomerRecord } from '../engine/customer-query.js';
import type { CustomerTraceResult, PoolShare, SubScoreTrace, TraceMonth } from '../engine/customer-trace.js';
import type { Bilingual, Problem } from '../model/messages.js';
import type { Scenario, ScenarioIssue } from '../model/scenario.js';
import { targetFilterSchema, type TargetFilter } from '../engine/targets/target-filter.js';
import type { TrendKpis } from '../engine/trend/trend-summary.js';
import type { ResultReconciliationRow, ResultSetRecord } from '../model/result-set.js';

// ── shared shapes ────────────────────────────────────────────────────────────────────────────

const text = z.string().min(1).max(4096);
const paths = z.array(text).min(1).max(500);
const lang = z.enum(['zh', 'en']);
/** A scenario as the form or a file holds it; the handler runs it through the scenario schema. */
const scenarioData = z.record(z.string(), z.unknown());
const columnMapping = z.strictObject({ headers: z.array(z.string().max(1000)).max(1000), fields: z.record(z.string(), z.string().nullable()) });

export interface ServiceError extends Problem {
  /** Extra facts for the screen (file, row …); never a stack trace. */
  readonly details?: Readonly<Record<string, string | number>>;
}

export type ScenarioCheck = { readonly ok: true; readonly scenario: Scenario } | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };

export interface ProblemView extends Bilingual {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly file?: string;
  readonly sheet?: string;
  readonly row?: number;
  readonly column?: string;
  readonly value?: string;
}

export interface FileView {
  readonly file: string;
  readonly sheet?: string;
  readonly kind: string;
  readonly rows: number;
  readonly sha256: string;
  /** The header as found and the field each column was read as (null: ignored). */
  readonly header?: readonly string[];
  readonly fields?: Readonly<Record<string, string>>;
}

export interface ValidationView {
  readonly errorCount: number;
  readonly warningCount: number;
  readonly problems: readonly ProblemView[];
  readonly problemsOmitted: number;
  readonly files: readonly FileView[];
}

export interface DatasetView {
  readonly id: number;
  readonly file: string;
  readonly sheet: string | null;
  readonly kind: string;
  readonly rows: number;
  readonly sha256: string;
}

export interface ImportView {
  readonly id: number;
  readonly importedAt: string;
  readonly appVersion: string;
  readonly months: readonly string[];
  readonly factRows: number;
  readonly customers: number;
  readonly pools: number;
  readonly participants: number;
  readonly warnings: readonly Problem[];
  readonly datasets: readonly DatasetView[];
}

/** One sheet (or CSV file) as the mapping step shows it. */
export interface SheetPreview {
  readonly file: string;
  readonly sheet?: string;
  /** What the headers say the table is, or 'unknown'. */
  readonly kind: string;
  /**
   * The header row (1-based). When no row of the first 20 names two known fields, the first
   * non-blank row is offered as the header to map (kind 'unknown'); null for an empty sheet.
   */
  readonly headerRow: number | null;
  readonly header: readonly string[];
  /** Header text → the field it is read as (null: ignored or not recognised). */
  readonly fields: Readonly<Record<string, string | null>>;
  /** The first data rows as text (at most 20). */
  readonly rows: readonly (readonly string[])[];
  /** Why the file or sheet could not be read (its preview is then empty). */
  readonly problem?: Problem;
}

export interface SavedScenarioView {
  readonly id: number;
  readonly name: string;
  readonly scenario: Scenario;
  readonly updatedAt: string;
}

/** A run's or a trend month's key figures: the engine's own shape (trend-summary.ts). */
export type KpiView = TrendKpis;

export interface AggregateView {
  readonly group: string;
  readonly customers: number;
  readonly eligible: number;
  readonly sumAvgRevenue: number;
  readonly sumAvgSettlementCost: number;
  readonly sumAvgIndividualCost: number;
  readonly sumAvgAllocated: number;
  readonly sumAvgProfit: number;
  /** null when Σ revenue is 0. */
  readonly margin: number | null;
  readonly negativeCount: number;
  readonly negativeShare: number;
  readonly loss: number;
  readonly meanValue: number | null;
  readonly lossMakingPlan: boolean;
  readonly settlementInverted: boolean;
}

export type GroupingName = 'plan' | 'brand' | 'branch' | 'channel' | 'segment' | 'tier';

export interface CampaignView {
  readonly campaign: string;
  readonly participants: number;
  readonly evaluated: number;
  readonly excluded: number;
  readonly costAll: number;
  readonly costEvaluated: number;
  readonly incrementalProfit: number;
  readonly roi: number | null;
  readonly negativeBeforeShare: number | null;
  readonly startMonths: readonly string[];
  /** Issue 6 §4: mean uplift over the (branch, tier) control cells; null when withheld (see upliftNote). */
  readonly uplift: number | null;
  /** Control customers behind the figure. */
  readonly controlSize: number;
  /** Why uplift is null: fewer than 30 controls, or no evaluated participant had a control; '' when given. */
  readonly upliftNote: UpliftNote;
  /** The uplift per tier as of the month before start (scenario order, then 不参与评分); empty until computed. */
  readonly upliftTiers: readonly UpliftTierView[];
}

export interface UpliftTierView {
  readonly tier: string;
  /** Participants of this tier compared with a control. */
  readonly compared: number;
  readonly controlSize: number;
  readonly uplift: number | null;
  readonly upliftNote: UpliftNote;
}

/** 'not_computed': runs:start leaves uplift out (it costs a model run per start month); campaigns:uplift fills it. */
export type UpliftNote = '' | 'insufficient_control' | 'none_compared' | 'not_computed';

export interface RunView {
  /** Names this result for queries, trace and export until the next run replaces it. */
  readonly runId: string;
  readonly scenario: Scenario;
  readonly month: string;
  readonly window: readonly string[];
  readonly kpis: KpiView;
  readonly charts: ReportChartData;
  readonly aggregates: Readonly<Record<GroupingName, readonly AggregateView[]>>;
  readonly campaigns: readonly CampaignView[];
  readonly warnings: readonly Problem[];
  /** Engine time of this run, ms (a what-if re-run recomputes only the changed stages). */
  readonly engineMs: number;
}

/** The explorer's row and the trace are the engine's own plain records, sent as they are. */
export type CustomerRowView = CustomerRecord;

export const CUSTOMER_SORT_COLUMNS = ['customerId', 'avgRevenue', 'avgIndividualCost', 'avgAllocated', 'avgProfit', 'value', 'tenureMonths'] as const;

const customerQuery = z.strictObject({
  runId: text,
  filter: z
    .strictObject({
      branch: z.string().max(200).optional(),
      channel: z.string().max(200).optional(),
      plan: z.string().max(200).optional(),
      tier: z.string().max(200).optional(),
      negative: z.boolean().optional(),
      eligible: z.boolean().optional(),
      /** Customer ids that start with this text. */
      search: z.string().max(100).optional(),
    })
    .default({}),
  sort: z.strictObject({ column: z.enum(CUSTOMER_SORT_COLUMNS), descending: z.boolean() }).default({ column: 'customerId', descending: false }),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});

export interface CustomerPage {
  /** Customers matching the filter. */
  readonly total: number;
  readonly offset: number;
  readonly rows: readonly CustomerRowView[];
  /** The filter's choices: every value present in the run. */
  readonly choices: Readonly<Record<'branch' | 'channel' | 'plan' | 'tier', readonly string[]>>;
}

export type PoolShareView = PoolShare;
export type TraceMonthView = TraceMonth;
export type SubScoreView = SubScoreTrace;
export type CustomerTrace = CustomerTraceResult;

export interface ComparisonView {
  readonly a: RunView;
  readonly b: RunView;
  readonly tiersA: readonly string[];
  readonly tiersB: readonly string[];
  /** migration[i][j]: customers in A's tier i and B's tier j. */
  readonly migration: readonly (readonly number[])[];
  readonly negativeCountA: number;
  readonly negativeCountB: number;
  readonly lossA: number;
  readonly lossB: number;
  readonly plans: readonly { readonly group: string; readonly allocatedA: number; readonly allocatedB: number; readonly profitA: number; readonly profitB: number }[];
  readonly branches: readonly { readonly group: string; readonly allocatedA: number; readonly allocatedB: number; readonly profitA: number; readonly profitB: number }[];
  /** The largest value moves first, at most 1,000. */
  readonly tierChanges: readonly { readonly customerId: string; readonly tierA: string; readonly tierB: string; readonly valueA: number | null; readonly valueB: number | null }[];
  readonly tierChangeCount: number;
}

/** 趋势 (issue 6): one evaluation month's headline figures. */
export interface TrendMonthView {
  readonly month: string;
  readonly kpis: KpiView;
}

/** One plan, branch or channel across the trend; months[i] is null when the group had nobody that month. */
export interface TrendGroupView {
  readonly group: string;
  readonly months: readonly ({ readonly customers: number; readonly negativeCount: number; readonly negativeShare: number; readonly loss: number } | null)[];
}

/** The trend as the screen needs it: a few kilobytes, never per-customer arrays. */
export interface TrendView {
  readonly months: readonly TrendMonthView[];
  readonly tierNames: readonly string[];
  readonly groups: Readonly<Record<'plan' | 'branch' | 'channel', readonly TrendGroupView[]>>;
}

/** One customer's value, tier and average profit by trend month (null: not in that month's table or no value). */
export interface CustomerTrendView {
  readonly customerId: string;
  readonly months: readonly { readonly month: string; readonly value: number | null; readonly tier: string | null; readonly avgProfit: number | null }[];
}

export const WARNING_RULES = ['negative_turn', 'value_drop', 'credit_arrears', 'share_rise', 'plan_flags'] as const;
export type WarningRuleName = (typeof WARNING_RULES)[number];

/** One early warning (预警) for the screen; before is null when the rule had no earlier figure. */
export interface WarningView {
  readonly month: string;
  readonly rule: WarningRuleName;
  readonly subjectKind: 'customer' | 'branch' | 'channel' | 'plan';
  readonly subject: string;
  readonly before: number | null;
  readonly after: number | null;
  readonly detail: string | null;
  /** Customers only: their branch in the warning's month (or the last month they appear). */
  readonly branch: string | null;
}

export interface WarningPage {
  /** Warnings matching rule and branch. */
  readonly total: number;
  readonly offset: number;
  readonly rows: readonly WarningView[];
  /** Warnings per rule within the branch filter (the rule filter left out), for the rule chips. */
  readonly counts: Readonly<Record<WarningRuleName, number>>;
  /** Branches that have warnings, for the branch filter. */
  readonly branches: readonly string[];
}

/** One customer of a target list as the 目标名单 preview shows it (value null: not scored). */
export interface TargetRowView {
  readonly customerId: string;
  readonly branch: string;
  readonly channel: string;
  readonly plan: string;
  readonly segment: string;
  readonly tier: string;
  readonly value: number | null;
  readonly avgProfit: number;
  readonly avgBilledRevenue: number;
  readonly tenureMonths: number;
}

export interface TargetBuildView {
  readonly size: number;
  readonly sumAvgProfit: number;
  readonly negativeCount: number;
  /** The ARPU-only list of the same size (top avg billed revenue). */
  readonly arpu: { readonly negativeCount: number; readonly sumAvgProfit: number };
  readonly negativeAvoided: number;
  /** null for an empty list. */
  readonly negativeAvoidedShare: number | null;
  /** The first 100 customers, in id order. */
  readonly preview: readonly TargetRowView[];
}

export interface SavedTargetView {
  readonly name: string;
  readonly filter: TargetFilter;
  readonly savedAt: string;
}

export interface JobProgress {
  readonly jobId: string;
  readonly channel: string;
  readonly stage: string;
  readonly done: number;
  readonly total: number;
}

// ── the channels ─────────────────────────────────────────────────────────────────────────────

/** A results set (issue 7): the customers.csv of a run made elsewhere, as lists show it. */
export type ResultSetSummaryView = ResultSetRecord;

/** A results set as the screens show it: the run screen's figures, without a live run behind them. */
export interface ResultSetView {
  readonly set: ResultSetSummaryView;
  readonly scenario: Scenario;
  readonly kpis: KpiView;
  readonly charts: ReportChartData;
  readonly aggregates: Readonly<Record<GroupingName, readonly AggregateView[]>>;
  /** reconciliation.csv's rows; empty when the set had none. */
  readonly reconciliation: readonly ResultReconciliationRow[];
}

export const channelSchemas = {
  'app:info': z.strictObject({}),
  'datasets:list': z.strictObject({}),
  'datasets:preview': z.strictObject({ paths, mappings: z.array(columnMapping).max(100).default([]) }),
  'datasets:validate': z.strictObject({ paths, mappings: z.array(columnMapping).max(100).default([]), sumDuplicates: z.boolean().default(false) }),
  'datasets:import': z.strictObject({
    jobId: text,
    paths,
    mappings: z.array(columnMapping).max(100).default([]),
    sumDuplicates: z.boolean().default(false),
    replace: z.boolean().default(false),
  }),
  /** The sample province (`cvalue sample --format xlsx`, default seed and end month), imported as its workbooks. */
  'datasets:importSample': z.strictObject({
    jobId: text,
    customers: z.number().int().min(100).max(200_000).default(20_000),
    months: z.number().int().min(3).max(24).default(6),
  }),
  'datasets:delete': z.strictObject({ importId: z.number().int().min(1) }),
  'datasets:exportReport': z.strictObject({ paths, target: text, lang, mappings: z.array(columnMapping).max(100).default([]) }),
  'mappings:list': z.strictObject({}),
  'mappings:save': z.strictObject({ mapping: columnMapping }),
  'mappings:delete': z.strictObject({ signature: text }),
  'scenarios:list': z.strictObject({}),
  'scenarios:validate': z.strictObject({ scenario: scenarioData }),
  /** The text of a .scenario.json file (import). */
  'scenarios:parse': z.strictObject({ text: z.string().max(1_000_000) }),
  'scenarios:save': z.strictObject({ scenario: scenarioData }),
  'scenarios:copy': z.strictObject({ name: text, newName: z.string().trim().min(1).max(100) }),
  'scenarios:delete': z.strictObject({ name: text }),
  'runs:start': z.strictObject({ jobId: text, scenario: scenarioData }),
  /** The run's campaigns with their uplift, asked for by 营销 only, so a what-if drag never pays for it. */
  'campaigns:uplift': z.strictObject({ runId: text }),
  'customers:query': customerQuery,
  'customers:trace': z.strictObject({ runId: text, customerId: z.string().min(1).max(100) }),
  'compare:run': z.strictObject({ jobId: text, a: scenarioData, b: scenarioData }),
  'export:report': z.strictObject({
    jobId: text,
    runId: text,
    preset: z.enum(['summary', 'full']),
    lang,
    /** Where to write (desktop: from the save dialog; web shell: a file name in its downloads). */
    target: text,
    /** Run B of a comparison, by its runId. */
    compareRunId: text.optional(),
  }),
  'jobs:cancel': z.strictObject({ jobId: text }),
  /** Value over time; customerId adds that one customer's months. Cached for the service's session. */
  'trend:get': z.strictObject({ jobId: text, scenario: scenarioData, customerId: z.string().min(1).max(100).optional() }),
  'warnings:list': z.strictObject({
    jobId: text,
    scenario: scenarioData,
    rule: z.enum(WARNING_RULES).optional(),
    branch: z.string().max(200).optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(10_000).default(100),
  }),
  'targets:build': z.strictObject({ runId: text, filter: targetFilterSchema }),
  'targets:export': z.strictObject({
    jobId: text,
    runId: text,
    filter: targetFilterSchema,
    format: z.enum(['csv', 'xlsx']),
    /** As export:report's target, ending in .csv or .xlsx to match the format. */
    target: text,
  }),
  'targets:save': z.strictObject({ name: z.string().trim().min(1).max(100), filter: targetFilterSchema }),
  'targets:list': z.strictObject({}),
  'results:list': z.strictObject({}),
  /** One results folder, or the files of one picked one by one (web shell uploads). */
  'results:import': z.strictObject({
    jobId: text,
    paths,
    name: z.string().trim().min(1).max(100).optional(),
    /** The evaluation month when the set's scenario leaves it to the data (`cvalue sql --month`). */
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).optional(),
  }),
  'results:delete': z.strictObject({ id: z.number().int().min(1) }),
  'results:view': z.strictObject({ id: z.number().int().min(1) }),
  'results:customers': customerQuery.omit({ runId: true }).extend({ id: z.number().int().min(1) }),
  /** The set's value workbook; target as for export:report. */
  'results:export': z.strictObject({ jobId: text, id: z.number().int().min(1), preset: z.enum(['summary', 'full']), lang, target: text }),
} as const;

export type Channel = keyof typeof channelSchemas;
export type ChannelInput<C extends Channel> = z.output<(typeof channelSchemas)[C]>;
/** What a caller passes (defaults may be left out). */
export type ChannelArgument<C extends Channel> = z.input<(typeof channelSchemas)[C]>;

export interface ChannelOutputs {
  'app:info': { readonly version: string; readonly shell: 'electron' | 'web'; readonly database: string; readonly dataLoaded: boolean };
  'datasets:list': readonly ImportView[];
  'datasets:preview': readonly SheetPreview[];
  'datasets:validate': ValidationView;
  'datasets:import':
    | { readonly status: 'invalid'; readonly report: ValidationView }
    | { readonly status: 'unchanged'; readonly skipped: readonly string[] }
    | { readonly status: 'imported'; readonly imported: ImportView; readonly report: ValidationView; readonly skipped: readonly string[] };
  /** Files are named by their file name alone: the temporary folder they were written to is gone. */
  'datasets:importSample': ChannelOutputs['datasets:import'];
  'datasets:delete': ImportView;
  'datasets:exportReport': { readonly path: string };
  'mappings:list': readonly { readonly signature: string; readonly headers: readonly string[]; readonly fields: Readonly<Record<string, string | null>> }[];
  'mappings:save': { readonly signature: string };
  'mappings:delete': { readonly deleted: boolean };
  'scenarios:list': readonly SavedScenarioView[];
  'scenarios:validate': ScenarioCheck;
  'scenarios:parse': ScenarioCheck;
  'scenarios:save': { readonly ok: true; readonly saved: SavedScenarioView } | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };
  'scenarios:copy': SavedScenarioView;
  'scenarios:delete': { readonly deleted: boolean };
  'runs:start': { readonly ok: true; readonly run: RunView } | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };
  'campaigns:uplift': readonly CampaignView[];
  'customers:query': CustomerPage;
  'customers:trace': CustomerTrace;
  'compare:run': { readonly ok: true; readonly comparison: ComparisonView } | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };
  'export:report': { readonly path: string; readonly sheets: readonly string[]; readonly bytes: number };
  'jobs:cancel': { readonly cancelled: boolean };
  'trend:get': { readonly ok: true; readonly trend: TrendView; readonly customer: CustomerTrendView | null } | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };
  'warnings:list': { readonly ok: true; readonly page: WarningPage } | { readonly ok: false; readonly issues: readonly ScenarioIssue[] };
  'targets:build': TargetBuildView;
  'targets:export': { readonly path: string; readonly rows: number };
  'targets:save': SavedTargetView;
  /** Saved definitions by name. */
  'targets:list': readonly SavedTargetView[];
  'results:list': readonly ResultSetSummaryView[];
  'results:import':
    | { readonly status: 'invalid'; readonly report: ValidationView }
    | { readonly status: 'imported'; readonly set: ResultSetSummaryView; readonly report: ValidationView };
  'results:delete': { readonly deleted: boolean };
  'results:view': ResultSetView;
  'results:customers': CustomerPage;
  'results:export': { readonly path: string; readonly sheets: readonly string[]; readonly bytes: number };
}

export type ChannelOutput<C extends Channel> = ChannelOutputs[C];

/** Push events from the service to the window that asked. */
export interface ServiceEvents {
  'jobs:progress': JobProgress;
  /** Datasets or scenarios changed (another window, an import): lists should reload. */
  'data:changed': { readonly what: 'datasets' | 'scenarios' | 'mappings' | 'results' };
}
export type ServiceEvent = keyof ServiceEvents;

/** A call's outcome as it crosses a process boundary: never a thrown stack trace. */
export type CallResult<C extends Channel> = { readonly ok: true; readonly value: ChannelOutput<C> } | { readonly ok: false; readonly error: ServiceError };

export const CHANNELS = Object.keys(channelSchemas) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(channelSchemas, name);
}

/** One push event as it travels (IPC message, server-sent event, worker message). */
export type ServiceEventMessage = { [E in ServiceEvent]: { readonly event: E; readonly payload: ServiceEvents[E] } }[ServiceEvent];

/**
 * What a shell holds: the service running off the UI thread (a worker). `call` validates the
 * argument against the channel's schema, runs the handler and never throws for a refused or
 * failed call: the error comes back as data. Events of the call (progress) go to `onEvent`.
 */
export interface ServiceHost {
  call<C extends Channel>(channel: C, argument: unknown, onEvent: (message: ServiceEventMessage) => void): Promise<CallResult<C>>;
  close(): Promise<void>;
}

/** A dropped or picked file as the page sees it (structurally the DOM's File). */
export interface PageFile {
  readonly name: string;
}

/**
 * The desktop window's API, exposed by the preload script as `window.cvs` and nothing else.
 * The web shell's client offers the same through HTTP (uploads instead of paths, downloads
 * instead of folders).
 */
export interface DesktopBridge {
  invoke<C extends Channel>(channel: C, argument: ChannelArgument<C>): Promise<CallResult<C>>;
  /** Subscribes to push events; returns the unsubscribe function. */
  on(listener: (message: ServiceEventMessage) => void): () => void;
  /** The native open dialog for workbooks and CSV files; [] when cancelled. */
  pickInputFiles(): Promise<readonly string[]>;
  /** The native folder dialog for a results set (a warehouse export or `cvalue run --out-dir` folder); null when cancelled. */
  pickResultsFolder(): Promise<string | null>;
  /** The path of a file dropped on the window. */
  pathForFile(file: PageFile): string;
  /** The native save dialog; null when cancelled. */
  pickSaveTarget(defaultName: string, kind: 'xlsx' | 'csv' | 'scenario'): Promise<string | null>;
  /** Writes a scenario file the user chose with pickSaveTarget. */
  writeScenarioFile(target: string, text: string): Promise<void>;
  showInFolder(path: string): Promise<void>;
}
