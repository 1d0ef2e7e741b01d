import type { ReactNode } from 'react';

/** A titled panel; `actions` sit at the right of the title bar. */
export function Card({ title, actions, children, className, testId }: { title?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string; testId?: string }) {
  return (
    <section className={className === undefined ? 'card' : `card ${className}`} data-testid={testId}>
      {title === undefined && actions === undefined ? null : (
        <header className="card__header">
          {title === undefined ? null : <h2 className="card__title">{title}</h2>}
          {actions === undefined ? null : <div className="card__actions">{actions}</div>}
        </header>
      )}
      <div className="card__body">{children}</div>
    </section>
  );
}
