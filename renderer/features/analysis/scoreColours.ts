// One colour per score and per tier, the same on the analysis page and the customer card.
import type { AnalysisScoreKey, AnalysisTier } from '../../../electron/api/analysisTypes.js';

export const scoreColours: Record<AnalysisScoreKey, string> = {
  contribution: '#1b4f8a',
  activity: '#0f7b74',
  channel: '#6b46c1',
  credit: '#b7791f',
  loyalty: '#2f855a',
};

export const tierColours: Record<AnalysisTier, string> = {
  vip: '#9a6b12',
  key: '#1b4f8a',
  potential: '#0f7b74',
  mass: '#52606d',
};
