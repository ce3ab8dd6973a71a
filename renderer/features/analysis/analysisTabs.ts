// The tabs of the analysis page, in order; the first is the one a plain #/analysis opens. A new tab is one line
// here with its own component file.
import type { AnalysisTab } from './analysisTab.js';
import { OverviewTab } from './OverviewTab.js';

export const analysisTabs: AnalysisTab[] = [
  // key (in the URL), label, component
  { key: 'overview', label: 'analysis.tab.overview', Component: OverviewTab },
];

export function tabOf(key: string | null): AnalysisTab {
  return analysisTabs.find((tab) => tab.key === key) ?? analysisTabs[0]!;
}
