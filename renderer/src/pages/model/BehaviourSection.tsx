import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNKNOWN_CATEGORY } from '../../../../core/model/fields';
import { Card } from '../../components/Card';
import { NumberInput } from '../../components/NumberInput';
import { useRunStore } from '../../stores/run-store';
import { useScenarioStore } from '../../stores/scenario-store';
import { Issues } from './Issues';
import { NumberField } from './NumberField';
import { useDraft, useIssues } from './model-issues';

const TABLE = ['behaviour', 'table'] as const;

/** Renames a key in place, keeping the rows' order on screen. */
function renamed(table: Readonly<Record<string, unknown>>, from: string, to: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [k === from ? to : k, v]));
}

function uniqueName(base: string, taken: readonly string[]): string {
  let name = base;
  for (let i = 2; taken.includes(name); i++) name = `${base} ${i}`;
  return name;
}

/**
 * SPEC §8: a score per segment. The segments found in the data come from the last run (the
 * contract has no listing of them otherwise); each can be added with one click.
 */
export function BehaviourSection() {
  const { t } = useTranslation('model');
  const setField = useScenarioStore((s) => s.setField);
  const raw = useDraft(TABLE);
  const table = useMemo(() => (raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {}), [raw]);
  const segments = Object.keys(table);
  const tableIssues = useIssues(TABLE);
  const run = useRunStore((s) => s.run);
  const inData = useMemo(() => (run === null ? [] : run.aggregates.segment.map((a) => a.group).filter((g) => g !== UNKNOWN_CATEGORY && !segments.includes(g))), [run, segments]);

  return (
    <Card title={t('behaviour.title')} testId="section-behaviour">
      <p className="muted card__lead">{t('behaviour.intro')}</p>
      <div className="form-grid">
        <NumberField path={['behaviour', 'default']} label={t('behaviour.default')} />
      </div>
      {segments.length === 0 ? (
        <p className="muted">{t('behaviour.empty')}</p>
      ) : (
        <table className="table table--form table--narrow" data-testid="behaviour-table">
          <thead>
            <tr>
              <th>{t('behaviour.segment')}</th>
              <th className="num">{t('behaviour.score')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {segments.map((segment, i) => (
              <SegmentRow
                key={i}
                index={i}
                segment={segment}
                score={table[segment]}
                taken={segments}
                onRename={(to) => setField(TABLE, renamed(table, segment, to))}
                onRemove={() => setField([...TABLE, segment], undefined)}
              />
            ))}
          </tbody>
        </table>
      )}
      <Issues issues={tableIssues} />
      <div className="toolbar add-row">
        <button type="button" className="btn btn--small" onClick={() => setField([...TABLE, uniqueName(t('behaviour.newSegment'), segments)], 50)} data-testid="behaviour-add">
          {t('behaviour.add')}
        </button>
        {inData.length === 0 ? null : (
          <>
            <span className="muted">{t('behaviour.fromData')}</span>
            {inData.map((segment) => (
              <button key={segment} type="button" className="btn btn--small chip" onClick={() => setField([...TABLE, segment], 50)}>
                + {segment}
              </button>
            ))}
          </>
        )}
      </div>
    </Card>
  );
}

function SegmentRow({ index, segment, score, taken, onRename, onRemove }: { index: number; segment: string; score: unknown; taken: readonly string[]; onRename: (to: string) => void; onRemove: () => void }) {
  const { t } = useTranslation('model');
  const setField = useScenarioStore((s) => s.setField);
  const issues = useIssues([...TABLE, segment], true);
  return (
    <>
      <tr>
        <td>
          <SegmentName index={index} segment={segment} taken={taken} onRename={onRename} />
        </td>
        <td className="num">
          <NumberInput className="input--cell" label={`${t('behaviour.score')} ${segment}`} value={score} invalid={issues.length > 0} onChange={(v) => setField([...TABLE, segment], v)} testId={`behaviour-${index}-score`} />
        </td>
        <td>
          <button type="button" className="btn btn--link" onClick={onRemove}>
            {t('behaviour.remove')}
          </button>
        </td>
      </tr>
      {issues.length === 0 ? null : (
        <tr className="issue-row">
          <td colSpan={3}>
            <Issues issues={issues} />
          </td>
        </tr>
      )}
    </>
  );
}

/**
 * The segment's name as typed. An empty or repeated name would merge or lose a row, so such
 * text stays in the box (marked) and the table keeps the last usable name until it is fixed.
 */
function SegmentName({ index, segment, taken, onRename }: { index: number; segment: string; taken: readonly string[]; onRename: (to: string) => void }) {
  const { t } = useTranslation('model');
  const [text, setText] = useState(segment);
  const [shown, setShown] = useState(segment);
  if (shown !== segment) {
    setShown(segment);
    setText(segment);
  }
  const usable = (name: string) => name.trim() !== '' && (name === segment || !taken.includes(name));
  return (
    <input
      type="text"
      className="input"
      value={text}
      aria-label={`${t('behaviour.segment')} ${index + 1}`}
      aria-invalid={usable(text) ? undefined : true}
      onChange={(e) => {
        setText(e.target.value);
        if (usable(e.target.value) && e.target.value !== segment) onRename(e.target.value);
      }}
      onBlur={() => setText(segment)}
      data-testid={`behaviour-${index}-segment`}
    />
  );
}
