/**
 * Catches a screen's rendering error and shows what happened and what to do, in the UI
 * language, never the stack trace. React offers error boundaries only as class components.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  readonly children: ReactNode;
  /** A new key (e.g. another page) clears the error. */
  readonly resetKey?: string;
}

interface State {
  readonly failed: boolean;
  readonly resetKey: string | undefined;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // For whoever opens the developer tools; the screen shows no technical detail.
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return <ErrorScreen onRetry={() => this.setState({ failed: false })} />;
  }
}

function ErrorScreen({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation('app');
  return (
    <div className="error-screen" role="alert" data-testid="error-boundary">
      <h2>{t('error.title')}</h2>
      <p>{t('error.body')}</p>
      <p>{t('error.next')}</p>
      <button type="button" className="btn btn--primary" onClick={onRetry} data-testid="error-retry">
        {t('error.reload')}
      </button>
    </div>
  );
}
