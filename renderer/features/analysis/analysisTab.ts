// What every tab of the analysis page is given: the run chosen in the history, and the whole history (newest
// first) for tabs that compare a run with an earlier one.
import type { ComponentType } from 'react';
import type { AnalysisRunSummary } from '../../../electron/api/analysisTypes.js';
import type { MessageKey } from '../../app/i18n/zh.js';

export interface AnalysisTabProps {
  run: AnalysisRunSummary;
  runs: AnalysisRunSummary[];
}

export interface AnalysisTab {
  /** The tab's place in the URL: #/analysis/<key>. */
  key: string;
  label: MessageKey;
  Component: ComponentType<AnalysisTabProps>;
}
