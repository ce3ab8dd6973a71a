// The tabs of the analysis page, in order; the first is the one a plain #/analysis opens. A new tab is one line
// here with its own component file.
import type { AnalysisTab } from './analysisTab.js';
import type { AnalysisTabProps } from './analysisTab.js';
import { AssociationsTab } from './AssociationsTab.js';
import { OverviewTab } from './OverviewTab.js';
import { SegmentsTab } from './SegmentsTab.js';
import { ModelSettings } from './ModelSettings.js';
import { RunSettings } from './RunSettings.js';

const Segments = ({ run }: AnalysisTabProps) => <SegmentsTab runId={run.runId} />;
const Associations = ({ run }: AnalysisTabProps) => <AssociationsTab runId={run.runId} />;

export const analysisTabs: AnalysisTab[] = [
  // key (in the URL), label, component
  { key: 'overview', label: 'analysis.tab.overview', Component: OverviewTab },
  { key: 'segments', label: 'analysis.tab.segments', Component: Segments },
  { key: 'associations', label: 'analysis.tab.associations', Component: Associations },
  { key: 'run-settings', label: 'analysis.tab.runSettings', Component: RunSettings },
  { key: 'model', label: 'analysis.tab.model', Component: ModelSettings },
];

export function tabOf(key: string | null): AnalysisTab {
  return analysisTabs.find((tab) => tab.key === key) ?? analysisTabs[0]!;
}
