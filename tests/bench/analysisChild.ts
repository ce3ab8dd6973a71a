// Runs one analysis through the data worker in a process of its own, so that its peak memory is the run's
// alone, and prints one JSON line: seconds per phase, customers, peak resident memory.
// Usage: node analysisChild.js DATA_DIR
import { phasedCall, runChild } from './phasedCall.js';

runChild('analysisChild', async () => {
  const [dataDir] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: analysisChild DATA_DIR');
  const { seconds, phases, value, maxRssMb } = await phasedCall(dataDir, 'analysis.run', {});
  return { seconds, phases, customers: value.customers, maxRssMb };
});
