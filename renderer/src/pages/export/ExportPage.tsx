// Placeholder so the app shell can route to this screen while it is built.
export function ExportPage() {
  return <section data-testid="page-export" />;
}
