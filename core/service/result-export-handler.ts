/** results:export — the value workbook of a results set. */
import { ServiceFailure, serviceIssues } from './service-errors.js';
import type { Handler } from './service-context.js';

export const exportResultSetReport: Handler<'results:export'> = async () => {
  throw new ServiceFailure(serviceIssues.internal);
};
