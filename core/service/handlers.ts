/**
 * Every channel of the contract with its handler. Typed as a mapped type over the channels, so
 * the compiler proves that each channel is implemented, with the contract's argument and answer.
 */
import { appInfo, cancelJob } from './app-handlers.js';
import { compareScenarios } from './compare-handlers.js';
import type { Channel } from './contract.js';
import { queryCustomerPage, traceCustomerHandler } from './customer-handlers.js';
import { deleteDataset, exportValidation, importDatasets, listDatasets, previewDatasets, validateDatasets } from './datasets-handlers.js';
import { exportReport } from './export-handlers.js';
import { deleteMapping, listMappings, saveMapping } from './mappings-handlers.js';
import { campaignUpliftOf, startRun } from './run-handlers.js';
import { importSample } from './sample-handler.js';
import { copyScenario, deleteScenarioHandler, listSavedScenarios, parseScenarioFile, saveScenarioHandler, validateScenario } from './scenario-handlers.js';
import type { Handler } from './service-context.js';
import { buildTargets, exportTargets, listTargets, saveTarget } from './targets-handlers.js';
import { getTrend, listWarnings } from './trend-handlers.js';
import { exportResultSetReport } from './result-export-handler.js';
import { deleteResultSetHandler, importResultSet, listResultSetsHandler, queryResultSetCustomers, viewResultSet } from './results-handlers.js';

export type ServiceHandlers = { readonly [C in Channel]: Handler<C> };

export const handlers: ServiceHandlers = {
  'app:info': appInfo,
  'datasets:list': listDatasets,
  'datasets:preview': previewDatasets,
  'datasets:validate': validateDatasets,
  'datasets:import': importDatasets,
  'datasets:importSample': importSample,
  'datasets:delete': deleteDataset,
  'datasets:exportReport': exportValidation,
  'mappings:list': listMappings,
  'mappings:save': saveMapping,
  'mappings:delete': deleteMapping,
  'scenarios:list': listSavedScenarios,
  'scenarios:validate': validateScenario,
  'scenarios:parse': parseScenarioFile,
  'scenarios:save': saveScenarioHandler,
  'scenarios:copy': copyScenario,
  'scenarios:delete': deleteScenarioHandler,
  'runs:start': startRun,
  'campaigns:uplift': campaignUpliftOf,
  'customers:query': queryCustomerPage,
  'customers:trace': traceCustomerHandler,
  'compare:run': compareScenarios,
  'export:report': exportReport,
  'jobs:cancel': cancelJob,
  'trend:get': getTrend,
  'warnings:list': listWarnings,
  'targets:build': buildTargets,
  'targets:export': exportTargets,
  'targets:save': saveTarget,
  'targets:list': listTargets,
  'results:list': listResultSetsHandler,
  'results:import': importResultSet,
  'results:delete': deleteResultSetHandler,
  'results:view': viewResultSet,
  'results:customers': queryResultSetCustomers,
  'results:export': exportResultSetReport,
};
