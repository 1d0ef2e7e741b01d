/**
 * 结果: the run's KPIs, the value-weight sliders (what-if), and the report's charts and plan
 * table. The first run is started with 运行; after that every valid draft re-runs at once.
 */
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Card } from '../../components/Card';
import { inLang, useLang } from '../../i18n';
import { useDatasetsStore } from '../../stores/datasets-store';
import { followDraft, useRunStore } from '../../stores/run-store';
import { useScenarioStore } from '../../stores/scenario-store';
import { EmptyState } from './EmptyState';
import { AggregateTable } from './AggregateTable';
import { KpiCards } from './KpiCards';
import { RESULT_CHART_HEIGHT, ResultChart } from './ResultChart';
import { resultChartOptions } from './result-chart-options';
import { runScenarioStatus } from './run-scenario-status';
import { WeightSliders } from './WeightSliders';
import './results.css';


export function ResultsPage() {
  const { t } = useTranslation('results');
  const lang = useLang();
  const run = useRunStore((s) => s.run);
  const running = useRunStore((s) => s.running);
  const runIssues = useRunStore((s) => s.issues);
  const error = useRunStore((s) => s.error);
  const roundTripMs = useRunStore((s) => s.roundTripMs);
  const completed = useRunStore((s) => s.completed);
  const check = useScenarioStore((s) => s.check);
  const savedScenarios = useScenarioStore((s) => s.saved);
  const savedLoaded = useScenarioStore((s) => s.savedLoaded);
  const noData = useDatasetsStore((s) => s.importsLoaded && s.imports.length === 0);

  useEffect(() => followDraft(), []);

  const charts = useMemo(() => (run === null ? null : resultChartOptions(run, lang, RESULT_CHART_HEIGHT, t('channelChartTitle'))), [run, lang, t]);

  // The run line names the scenario the figures come from; a what-if leaves its name on other weights.
  const scenarioStatus = run === null ? null : runScenarioStatus(run.scenario, savedScenarios, savedLoaded);

  const startRun = () => {
    if (check.ok) void useRunStore.getState().requestRun(check.scenario, { showProgress: true });
  };

  if (noData && run === null) {
    return (
      <div className="page results-page" data-testid="results-page">
        <h2 className="page__title">{t('title')}</h2>
        <EmptyState testId="results-empty" title={t('empty.title')} body={t('empty.body')} link={t('empty.link')} href="#/data" />
      </div>
    );
  }

  // The weights card explains its own sum; a banner appearing above it would move the slider being dragged.
  const issues = (check.ok ? runIssues : check.issues).filter((issue) => !issue.path.startsWith('value_weights'));
  return (
    <div className="page results-page" data-testid="results-page" data-run-ms={roundTripMs ?? undefined} data-runs={completed} aria-busy={running}>
      <h2 className="page__title">{t('title')}</h2>
      <div className="toolbar">
        <button type="button" className="btn btn--primary" data-testid="run" onClick={startRun} disabled={!check.ok || running}>
          {running ? (run === null ? t('running') : t('rerunning')) : t('run')}
        </button>
        {run !== null && (
          <span className="run-info" data-testid="run-info">
            {t('runScenario', { name: run.scenario.name })}
            {scenarioStatus === 'modified' || scenarioStatus === 'unsaved' ? (
              <span className="run-info__status" data-testid="run-scenario-status" data-status={scenarioStatus}>
                {t(`runScenarioStatus.${scenarioStatus}`)}
              </span>
            ) : null}
            {t('runWindow', { month: run.month, from: run.window[0] ?? run.month, to: run.window.at(-1) ?? run.month })}
          </span>
        )}
        {run !== null && roundTripMs !== null && (
          <span className="run-timing" data-testid="run-timing">
            {t('timing', { roundTrip: roundTripMs, engine: Math.round(run.engineMs) })}
          </span>
        )}
      </div>

      {issues.length > 0 && (
        <Alert tone="warning" testId="scenario-issues">
          <p>{t('scenarioInvalid')}</p>
          <ul>
            {issues.map((issue) => (
              <li key={`${issue.path}:${issue.code}`}>{inLang(issue, lang)}</li>
            ))}
          </ul>
        </Alert>
      )}
      {error !== null && (
        <Alert tone="error" testId="run-error" onDismiss={() => useRunStore.setState({ error: null })}>
          <strong>{t('runFailed')}</strong> {inLang(error, lang)}
        </Alert>
      )}

      <div className="results-top">
        {run === null ? <p className="results-hint">{t('notRun')}</p> : <KpiCards kpis={run.kpis} />}
        <WeightSliders />
      </div>

      {run !== null && charts !== null && (
        <>
          <div className="chart-grid">
            <Card>
              <ResultChart charts={charts} name="valueHistogram" lang={lang} />
            </Card>
            <Card>
              <ResultChart charts={charts} name="tierCounts" lang={lang} />
            </Card>
          </div>
          <Card title={t('plans.title')} testId="plans">
            <AggregateTable rows={run.aggregates.plan} grouping="plan" />
            <ResultChart charts={charts} name="profitByPlan" lang={lang} />
          </Card>
          <div className="chart-grid">
            <Card>
              <ResultChart charts={charts} name="negativeShareByBranch" lang={lang} />
            </Card>
            <Card>
              <ResultChart charts={charts} name="negativeShareByChannel" lang={lang} label={t('channelChartTitle')} />
            </Card>
          </div>
          <Card>
            <ResultChart charts={charts} name="profitCurve" lang={lang} />
          </Card>
          {run.warnings.length > 0 && (
            <details className="run-warnings">
              <summary>{t('warnings', { count: run.warnings.length })}</summary>
              <ul>
                {run.warnings.map((w, i) => (
                  <li key={`${w.code}-${i}`}>{inLang(w, lang)}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </div>
  );
}
