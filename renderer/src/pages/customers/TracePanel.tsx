/**
 * How one customer's figures came about: every month's revenue and costs, the common costs
 * allocated to it pool by pool with each driver's share (weight × x / X), and each score with
 * the inputs it was computed from, so an analyst can check any number by hand.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerTrace, PoolShareView, SubScoreView, TraceMonthView } from '../../../../core/service/contract';
import { Alert } from '../../components/Alert';
import { EChart } from '../../components/charts/EChart';
import { tierLabel } from '../../components/charts/tier-label';
import { waterfallOption } from '../../components/charts/waterfall-option';
import { inLang, useLang } from '../../i18n';
import { useCustomersStore } from '../../stores/customers-store';
import { CustomerTrend } from './CustomerTrend';
import { formatCount, formatDecimal, formatShare, formatYuan } from '../results/finance-format';

const MONEY_LINES = [
  'billedRevenue',
  'settlementIncome',
  'revenue',
  'settlementCost',
  'commission',
  'marketingDiscount',
  'handsetSubsidy',
  'pointsCost',
  'individualCost',
  'allocated',
  'profit',
] as const satisfies readonly (keyof TraceMonthView)[];
type MoneyLine = (typeof MONEY_LINES)[number];

/** Lines that sum others: shown in bold so the arithmetic reads top to bottom. */
const TOTAL_LINES = new Set<MoneyLine>(['revenue', 'individualCost', 'profit']);

function windowMean(months: readonly TraceMonthView[], line: MoneyLine): number | null {
  const inWindow = months.filter((m) => m.inWindow);
  return inWindow.length === 0 ? null : inWindow.reduce((s, m) => s + m[line], 0) / inWindow.length;
}

function MonthTable({ months }: { readonly months: readonly TraceMonthView[] }) {
  const { t } = useTranslation('customers');
  return (
    <div className="table-wrap">
      <table className="table report-table trace-months" data-testid="trace-months">
        <thead>
          <tr>
            <th scope="col">{t('trace.item')}</th>
            {months.map((m) => (
              <th key={m.month} scope="col" className={m.inWindow ? 'num' : 'num outside-window'} title={m.inWindow ? undefined : t('trace.outsideWindow')}>
                {m.month}
              </th>
            ))}
            <th scope="col" className="num">
              {t('trace.windowAverage')}
            </th>
          </tr>
        </thead>
        <tbody>
          {MONEY_LINES.map((line) => {
            const mean = windowMean(months, line);
            return (
              <tr key={line} className={TOTAL_LINES.has(line) ? 'total-line' : undefined}>
                <th scope="row">{t(`trace.lines.${line}`)}</th>
                {months.map((m) => (
                  <td key={m.month} className={[m[line] < 0 ? 'num loss' : 'num', m.inWindow ? '' : 'outside-window'].join(' ').trim()}>
                    {formatYuan(m[line])}
                  </td>
                ))}
                <td className={mean !== null && mean < 0 ? 'num loss' : 'num'}>{mean === null ? '—' : formatYuan(mean)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function DriverTerms({ pool }: { readonly pool: PoolShareView }) {
  const { t } = useTranslation('customers');
  const terms = pool.drivers.filter((d) => d.weight > 0);
  return (
    <>
      {terms.map((d, i) => (
        <span key={d.driver} className="driver-term">
          {i > 0 && ' + '}
          {formatDecimal(d.weight)} × {formatDecimal(d.x)} ÷ {formatDecimal(d.total)}
          <span className="driver-name"> ({t(`trace.driverNames.${d.driver}`, { defaultValue: d.driver })})</span>
        </span>
      ))}
    </>
  );
}

/** A share of a pool is small (one customer among thousands): enough digits to recompute the amount. */
function formatPoolShare(share: number): string {
  return formatShare(share, 6);
}

function AllocationTable({ month }: { readonly month: TraceMonthView }) {
  const { t } = useTranslation('customers');
  if (month.pools.length === 0) return <p className="muted">{t('trace.noPools')}</p>;
  const total = month.pools.reduce((s, p) => s + p.allocated, 0);
  return (
    <div className="table-wrap">
      <table className="table report-table trace-pools" data-testid={`trace-pools-${month.month}`}>
        <thead>
          <tr>
            <th scope="col">{t('trace.pool')}</th>
            <th scope="col" className="num">
              {t('trace.poolAmount')}
            </th>
            <th scope="col">{t('trace.drivers')}</th>
            <th scope="col" className="num">
              {t('trace.share')}
            </th>
            <th scope="col" className="num">
              {t('trace.poolAllocated')}
            </th>
          </tr>
        </thead>
        <tbody>
          {month.pools.map((pool) => (
            <tr key={pool.pool}>
              <th scope="row">{pool.pool}</th>
              <td className="num">{formatYuan(pool.amount)}</td>
              <td className="drivers">
                <DriverTerms pool={pool} />
              </td>
              <td className="num">{formatPoolShare(pool.share)}</td>
              <td className="num">{formatYuan(pool.allocated)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="total-line">
            <th scope="row" colSpan={4}>
              {t('trace.poolTotal')}
            </th>
            <td className="num" data-testid={`trace-pools-total-${month.month}`}>
              {formatYuan(total)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** The engine writes some inputs as text with numbers at full precision (the breakpoints); two decimals read better. */
function roundNumbersIn(text: string): string {
  return text.replace(/-?\d+\.\d{3,}/g, (n) => formatDecimal(Number(n)));
}

/** Inputs whose value is a code the engine writes (auto, table …) rather than data: shown translated. */
const CODED_INPUTS = new Set(['mode', 'spend_cap_mode', 'source', 'borderline']);

/** A number or a text value as shown; the coded ones are translated by the caller. */
function plainValue(name: string, value: number | string): string {
  if (typeof value === 'number') return formatDecimal(value, Number.isInteger(value) ? 0 : 2);
  // The formula is the analyst's own text, shown as written.
  return name === 'formula' ? value : roundNumbersIn(value);
}

/**
 * Each input under its name in the screen's language; the engine's key follows in small type,
 * the name an auditor finds in the value formula's variables and in the engine's own terms.
 */
function ScoreInputs({ score, inputs }: { readonly score: SubScoreView['name']; readonly inputs: SubScoreView['inputs'] }) {
  const { t } = useTranslation('customers');
  const shown = (name: string, value: number | string | null): string => {
    if (value === null) return '—';
    if (CODED_INPUTS.has(name)) return t(`trace.inputValues.${name}.${value}`, { defaultValue: String(value) });
    return plainValue(name, value);
  };
  return (
    <dl className="score-inputs">
      {Object.entries(inputs).map(([name, value]) => (
        <div key={name}>
          <dt>
            {t(`trace.inputNames.${score}.${name}`, { defaultValue: name })} <span className="input-key">{name}</span>
          </dt>
          <dd>{shown(name, value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function ScoresTable({ scores }: { readonly scores: readonly SubScoreView[] }) {
  const { t } = useTranslation('customers');
  return (
    <table className="table report-table trace-scores" data-testid="trace-scores">
      <thead>
        <tr>
          <th scope="col">{t('trace.scoresTitle')}</th>
          <th scope="col" className="num">
            {t('trace.score')}
          </th>
          <th scope="col" className="num">
            {t('trace.weight')}
          </th>
          <th scope="col">{t('trace.inputs')}</th>
        </tr>
      </thead>
      <tbody>
        {scores.map((s) => (
          <tr key={s.name} className={s.name === 'value' ? 'total-line' : undefined}>
            <th scope="row">{t(`trace.scoreNames.${s.name}`)}</th>
            <td className="num">{formatDecimal(s.score)}</td>
            <td className="num">{s.weight === null ? '—' : formatShare(s.weight, 0)}</td>
            <td>
              <ScoreInputs score={s.name} inputs={s.inputs} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TraceView({ trace }: { readonly trace: CustomerTrace }) {
  const { t } = useTranslation('customers');
  const lang = useLang();
  const c = trace.customer;
  const option = useMemo(() => waterfallOption(trace, lang), [trace, lang]);
  // The latest month first is what the analyst usually checks; all are one click away.
  const latest = trace.months.at(-1)?.month;
  return (
    <>
      <p className="trace-facts">
        {t('trace.facts', { branch: c.branch, channel: c.channel, brand: c.brand, plan: c.plan, segment: c.segment })}
        <br />
        {t('trace.tenure', { months: formatCount(c.tenureMonths) })} · {c.eligible ? t('trace.eligible') : c.reason}
        {c.value !== null && <> · {t('trace.value', { value: formatDecimal(c.value), tier: tierLabel(c.tier, lang) })}</>}
        {c.negative && <span className="badge badge--error">{t('negativeBadge')}</span>}
      </p>
      <EChart option={option} height={300} label={t('trace.title', { id: c.customerId })} testId="trace-waterfall" />
      <h3>{t('trace.monthsTitle')}</h3>
      <MonthTable months={trace.months} />
      <h3>{t('trace.allocationTitle')}</h3>
      <p className="muted">{t('trace.allocationHint')}</p>
      {trace.months.map((m) => (
        <details key={m.month} className="trace-month" open={m.month === latest}>
          <summary>
            {m.month}
            {!m.inWindow && <span className="muted"> ({t('trace.outsideWindow')})</span>} — {t('trace.lines.allocated')} {formatYuan(m.allocated)}
          </summary>
          <AllocationTable month={m} />
        </details>
      ))}
      <h3>{t('trace.scoresTitle')}</h3>
      <ScoresTable scores={trace.scores} />
      <CustomerTrend key={c.customerId} customerId={c.customerId} />
    </>
  );
}

export function TracePanel() {
  const { t } = useTranslation('customers');
  const lang = useLang();
  const selected = useCustomersStore((s) => s.selected);
  const trace = useCustomersStore((s) => s.trace);
  const loading = useCustomersStore((s) => s.traceLoading);
  const error = useCustomersStore((s) => s.traceError);
  if (selected === null) return null;
  return (
    <aside className="trace-panel" data-testid="trace-panel" aria-labelledby="trace-title" aria-busy={loading}>
      <header className="trace-header">
        <h2 id="trace-title">{t('trace.title', { id: selected })}</h2>
        <button type="button" className="btn" onClick={() => void useCustomersStore.getState().select(null)}>
          {t('trace.close')}
        </button>
      </header>
      {error !== null && (
        <Alert tone="error">
          <strong>{t('trace.failed')}</strong> {inLang(error, lang)}
        </Alert>
      )}
      {trace === null ? loading && <p className="muted">{t('trace.loading')}</p> : <TraceView trace={trace} />}
    </aside>
  );
}
