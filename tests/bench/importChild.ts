// Runs one import through the data worker in a process of its own, so that its peak memory is the
// import's alone, and prints one JSON line: seconds per phase, counts, peak resident memory.
// Usage: node importChild.js DATA_DIR FILE…
import { phasedCall, runChild } from './phasedCall.js';

runChild('importChild', async () => {
  const [dataDir, ...files] = process.argv.slice(2);
  if (!dataDir || files.length === 0) throw new Error('usage: importChild DATA_DIR FILE…');
  const { seconds, phases, value, maxRssMb } = await phasedCall(dataDir, 'import.run', {
    files: files.map((path) => ({ path })),
  });
  return { seconds, phases, totals: value.totals, maxRssMb };
});
