import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '../../components/Card';
import { NumberInput } from '../../components/NumberInput';
import { useScenarioStore } from '../../stores/scenario-store';
import { BreakpointCurve } from './BreakpointCurve';
import { Issues } from './Issues';
import { useDraft, useIssues } from './model-issues';

type Row = readonly [number, number];

/** A valid first manual table: losses score 0, break-even 50, ¥100 of monthly profit 100. */
const STARTER_TABLE: readonly Row[] = [
  [-100, 0],
  [0, 50],
  [100, 100],
];

const TABLE = ['profit_breakpoints', 'table'] as const;

function rowsOf(table: unknown): unknown[][] {
  return Array.isArray(table) ? table.map((r: unknown) => (Array.isArray(r) ? (r as unknown[]) : [])) : [];
}

export function BreakpointsSection() {
  const { t } = useTranslation('model');
  const setField = useScenarioStore((s) => s.setField);
  const mode = useDraft(['profit_breakpoints', 'mode']);
  const table = useDraft(TABLE);
  const manual = mode === 'manual';
  const [lastTable, setLastTable] = useState<unknown>(STARTER_TABLE);

  return (
    <Card
      title={t('breakpoints.title')}
      testId="section-breakpoints"
      actions={
        <div className="segmented" role="group" aria-label={t('breakpoints.title')}>
          <button
            type="button"
            className="segmented__item"
            aria-pressed={!manual}
            onClick={() => {
              if (manual) setLastTable(table);
              setField(['profit_breakpoints'], { mode: 'auto' });
            }}
            data-testid="breakpoints-auto"
          >
            {t('breakpoints.auto')}
          </button>
          <button type="button" className="segmented__item" aria-pressed={manual} onClick={() => setField(['profit_breakpoints'], { mode: 'manual', table: lastTable })} data-testid="breakpoints-manual">
            {t('breakpoints.manual')}
          </button>
        </div>
      }
    >
      <p className="muted card__lead">{manual ? t('breakpoints.intro') : t('breakpoints.autoHint')}</p>
      {manual ? <ManualTable rows={rowsOf(table)} /> : null}
      <Issues issues={useIssues(['profit_breakpoints'])} />
    </Card>
  );
}

function ManualTable({ rows }: { rows: unknown[][] }) {
  const { t } = useTranslation('model');
  const setField = useScenarioStore((s) => s.setField);
  const tableIssues = useIssues(TABLE);
  const numeric = rows.filter((r): r is [number, number] => typeof r[0] === 'number' && typeof r[1] === 'number');
  const last = numeric.at(-1);

  return (
    <div className="breakpoints">
      <div>
        <table className="table table--form table--narrow" data-testid="breakpoint-table">
          <thead>
            <tr>
              <th className="num">#</th>
              <th className="num">{t('breakpoints.profit')}</th>
              <th className="num">{t('breakpoints.score')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <BreakpointRow key={i} index={i} row={row} onRemove={() => setField([...TABLE, i], undefined)} />
            ))}
          </tbody>
        </table>
        <div className="toolbar add-row">
          <button
            type="button"
            className="btn btn--small"
            onClick={() => setField([...TABLE, rows.length], last === undefined ? [0, 0] : [last[0] + 100, Math.min(100, last[1] + 10)])}
            data-testid="breakpoint-add"
          >
            {t('breakpoints.add')}
          </button>
        </div>
        <Issues issues={tableIssues} />
      </div>
      <figure className="breakpoints__curve">
        <BreakpointCurve points={numeric} label={t('breakpoints.curve')} />
        <figcaption className="field__hint">{t('breakpoints.curve')}</figcaption>
      </figure>
    </div>
  );
}

function BreakpointRow({ index, row, onRemove }: { index: number; row: unknown[]; onRemove: () => void }) {
  const { t } = useTranslation('model');
  const setField = useScenarioStore((s) => s.setField);
  const issues = useIssues([...TABLE, index], true);
  return (
    <>
      <tr>
        <td className="num muted">{index + 1}</td>
        <td className="num">
          <NumberInput className="input--cell" label={`${t('breakpoints.profit')} ${index + 1}`} value={row[0]} invalid={issues.length > 0} onChange={(v) => setField([...TABLE, index, 0], v)} testId={`breakpoint-${index}-p`} />
        </td>
        <td className="num">
          <NumberInput className="input--cell" label={`${t('breakpoints.score')} ${index + 1}`} value={row[1]} invalid={issues.length > 0} onChange={(v) => setField([...TABLE, index, 1], v)} testId={`breakpoint-${index}-s`} />
        </td>
        <td>
          <button type="button" className="btn btn--link" onClick={onRemove}>
            {t('breakpoints.remove')}
          </button>
        </td>
      </tr>
      {issues.length === 0 ? null : (
        <tr className="issue-row">
          <td colSpan={4}>
            <Issues issues={issues} />
          </td>
        </tr>
      )}
    </>
  );
}
