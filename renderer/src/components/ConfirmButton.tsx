import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A destructive action asked twice, in place: the first click shows the question with
 * confirm and cancel, so no modal steals focus from a dense table.
 */
export function ConfirmButton({
  label,
  question,
  onConfirm,
  disabled,
  testId,
  tone = 'danger',
}: {
  label: ReactNode;
  question: ReactNode;
  onConfirm: () => void;
  disabled?: boolean;
  testId?: string;
  /** neutral: an action that only loses unsaved edits (opening another scenario). */
  tone?: 'danger' | 'neutral';
}) {
  const { t } = useTranslation('app');
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={tone === 'danger' ? 'btn btn--small btn--danger-ghost' : 'btn btn--small'} disabled={disabled} onClick={() => setAsking(true)} data-testid={testId}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group">
      <span className="confirm__question">{question}</span>
      <button
        type="button"
        className={tone === 'danger' ? 'btn btn--small btn--danger' : 'btn btn--small btn--primary'}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
        data-testid={testId === undefined ? undefined : `${testId}-confirm`}
      >
        {t('common.confirm')}
      </button>
      <button type="button" className="btn btn--small" onClick={() => setAsking(false)}>
        {t('common.cancel')}
      </button>
    </span>
  );
}
