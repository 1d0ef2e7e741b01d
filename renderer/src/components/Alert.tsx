import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type AlertTone = 'error' | 'warning' | 'info' | 'success';

export function Alert({ tone, children, onDismiss, testId }: { tone: AlertTone; children: ReactNode; onDismiss?: () => void; testId?: string }) {
  const { t } = useTranslation('app');
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      <div className="alert__body">{children}</div>
      {onDismiss === undefined ? null : (
        <button type="button" className="alert__dismiss" onClick={onDismiss} aria-label={t('error.dismiss')}>
          ×
        </button>
      )}
    </div>
  );
}
