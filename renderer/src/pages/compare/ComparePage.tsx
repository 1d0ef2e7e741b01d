/** 对比: pick scenario A and B (saved ones or the current draft), run both, and read what changes. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { ProgressBar } from '../../components/ProgressBar';
import { inLang, useLang } from '../../i18n';
import { DRAFT_CHOICE, useCompareStore, type ScenarioChoice, type Side } from '../../stores/compare-store';
import { useJobsStore } from '../../stores/jobs-store';
import { useScenarioStore } from '../../stores/scenario-store';
import '../results/results.css';
import { ComparisonResult } from './ComparisonResult';
import './compare.css';

const DRAFT_KEY = 'draft';

function keyOf(choice: ScenarioChoice | null): string {
  if (choice === null) return '';
  return choice.kind === 'draft' ? DRAFT_KEY : `saved:${choice.name}`;
}

function choiceOf(key: string): ScenarioChoice {
  return key === DRAFT_KEY ? DRAFT_CHOICE : { kind: 'saved', name: key.slice('saved:'.length) };
}

function ScenarioPicker({ side }: { readonly side: Side }) {
  const { t } = useTranslation('compare');
  const saved = useScenarioStore((s) => s.saved);
  const choice = useCompareStore((s) => s[side]);
  const running = useCompareStore((s) => s.running);
  return (
    <label className="field filter">
      <span className="field__label">{side === 'a' ? t('sideA') : t('sideB')}</span>
      <select className="select" data-testid={`compare-${side}`} value={keyOf(choice)} disabled={running} onChange={(e) => useCompareStore.getState().choose(side, choiceOf(e.currentTarget.value))}>
        {choice === null && (
          <option value="" disabled>
            {t('chooseB')}
          </option>
        )}
        <option value={DRAFT_KEY}>{t('draft')}</option>
        {saved.map((s) => (
          <option key={s.id} value={`saved:${s.name}`}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function Issues() {
  const { t } = useTranslation('compare');
  const lang = useLang();
  const issues = useCompareStore((s) => s.issues);
  if (issues.length === 0) return null;
  const bySide = [
    { title: t('issuesA'), items: issues.filter((i) => i.side === 'a') },
    { title: t('issuesB'), items: issues.filter((i) => i.side === 'b') },
    { title: t('issuesService'), items: issues.filter((i) => i.side === null) },
  ].filter((g) => g.items.length > 0);
  return (
    <Alert tone="warning" testId="compare-issues">
      {bySide.map((group) => (
        <div key={group.title}>
          <p>{group.title}</p>
          <ul>
            {group.items.map(({ issue }) => (
              <li key={`${issue.path}:${issue.code}`}>{inLang(issue, lang)}</li>
            ))}
          </ul>
        </div>
      ))}
    </Alert>
  );
}

export function ComparePage() {
  const { t } = useTranslation('compare');
  const lang = useLang();
  const saved = useScenarioStore((s) => s.saved);
  const b = useCompareStore((s) => s.b);
  const running = useCompareStore((s) => s.running);
  const jobId = useCompareStore((s) => s.jobId);
  const comparison = useCompareStore((s) => s.comparison);
  const error = useCompareStore((s) => s.error);
  const cancelled = useCompareStore((s) => s.cancelled);
  const job = useJobsStore((s) => s.jobs.find((j) => j.jobId === jobId));

  // B starts as the first saved scenario: comparing the draft with a saved one is the usual question.
  const firstSaved = saved[0]?.name;
  useEffect(() => {
    if (b === null && firstSaved !== undefined) useCompareStore.getState().choose('b', { kind: 'saved', name: firstSaved });
  }, [b, firstSaved]);

  return (
    <div className="page compare-page" data-testid="compare-page">
      <div>
        <h2 className="page__title">{t('title')}</h2>
        <p className="page__intro">{t('intro')}</p>
      </div>
      <div className="compare-form">
        <ScenarioPicker side="a" />
        <ScenarioPicker side="b" />
        <button type="button" className="btn btn--primary" data-testid="compare-run" disabled={b === null || running} onClick={() => void useCompareStore.getState().run()}>
          {running ? t('running') : t('run')}
        </button>
        {running && (
          <button type="button" className="btn" data-testid="compare-cancel" disabled={job?.cancelling ?? false} onClick={() => void useCompareStore.getState().cancel()}>
            {t('cancel')}
          </button>
        )}
      </div>
      {running && <ProgressBar done={job?.done ?? 0} total={job?.total ?? 0} />}
      {saved.length === 0 && <p className="muted">{t('noSaved')}</p>}
      <Issues />
      {cancelled && <Alert tone="info">{t('cancelled')}</Alert>}
      {error !== null && (
        <Alert tone="error" testId="compare-error" onDismiss={() => useCompareStore.setState({ error: null })}>
          <strong>{t('failed')}</strong> {inLang(error, lang)}
        </Alert>
      )}
      {comparison !== null && <ComparisonResult view={comparison} />}
    </div>
  );
}
