/** A screen with nothing to show yet: what is missing and a link to the screen that provides it. */
export function EmptyState({ title, body, link, href, testId }: { title: string; body: string; link: string; href: string; testId: string }) {
  return (
    <div className="empty-state" data-testid={testId}>
      <h3>{title}</h3>
      <p className="muted">{body}</p>
      <a href={href} className="btn btn--primary">
        {link}
      </a>
    </div>
  );
}
