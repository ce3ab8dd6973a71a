// Every contract call mapped to the service that answers it. The type makes a missing or
// mistyped handler a compile error.
import type { Method, ParsedInputOf, ResultOf } from '../api/contract.js';
import { appInfo, databaseStats } from './app.js';
import type { ServiceContext } from './context.js';
import { customerActivity } from './customers/activity.js';
import { getCustomer } from './customers/detail.js';
import { filterOptions } from './customers/filterOptions.js';
import { customerHistory } from './customers/history.js';
import { countCustomersCached, listCustomers } from './customers/list.js';
import { loanRepayments } from './customers/repayments.js';
import { updateCustomer } from './customers/update.js';
import { installDemoBranch } from './demo/install.js';
import { loadDemoBranch } from './demo/load.js';
import { inspectImportFile } from './import/inspect.js';
import { listProfiles, saveProfile } from './import/profiles.js';
import { importHistory, importRejections } from './import/report.js';
import { runImport } from './import/run.js';
import { runAnalysis } from './analysis/run.js';
import { analysisRuns, customerScoreCard } from './analysis/queries.js';
import { analysisSegmentMap, analysisSegments } from './analysis/segments/segmentQueries.js';
import { analysisAssociations, analysisRules, customerNeeds } from './analysis/associations/queries.js';
import { getModelSettings, resetModelSettings, saveModelSettings } from './analysis/modelSettings.js';
import { getSetting, setSetting } from './settings.js';

export type Handler<M extends Method> = (
  ctx: ServiceContext,
  input: ParsedInputOf<M>,
) => ResultOf<M> | Promise<ResultOf<M>>;

export type Services = { [M in Method]: Handler<M> };

export const services: Services = {
  'app.info': appInfo,
  'stats.summary': databaseStats,
  'customers.list': listCustomers,
  'customers.count': countCustomersCached,
  'customers.get': getCustomer,
  'customers.activity': customerActivity,
  'customers.repayments': loanRepayments,
  'customers.filterOptions': filterOptions,
  'customers.update': updateCustomer,
  'customers.history': customerHistory,
  'demo.load': loadDemoBranch,
  'demo.install': installDemoBranch,
  'settings.get': getSetting,
  'settings.set': setSetting,
  'import.inspect': inspectImportFile,
  'import.run': runImport,
  'import.rejections': importRejections,
  'import.history': importHistory,
  'import.profiles.list': listProfiles,
  'import.profiles.save': saveProfile,
  'analysis.run': runAnalysis,
  'analysis.runs': analysisRuns,
  'analysis.customer': customerScoreCard,
  'analysis.segments': analysisSegments,
  'analysis.segmentMap': analysisSegmentMap,
  'analysis.rules': analysisRules,
  'analysis.associations': analysisAssociations,
  'analysis.customerNeeds': customerNeeds,
  'analysis.model.get': getModelSettings,
  'analysis.model.save': saveModelSettings,
  'analysis.model.reset': resetModelSettings,
};
