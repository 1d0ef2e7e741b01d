/** 目标名单: build, save and export a filtered target list from the current run (placeholder until the form lands). */
export function TargetsPage() {
  return <div className="page targets-page" data-testid="targets-page" />;
}
