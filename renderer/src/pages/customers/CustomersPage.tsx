// Placeholder so the app shell can route to this screen while it is built.
export function CustomersPage() {
  return <section data-testid="page-customers" />;
}
