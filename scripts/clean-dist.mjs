// Removes the compiled main-process tree so that deleted sources leave no stale output behind.
import { rmSync } from 'node:fs';

for (const dir of ['dist/electron', 'dist/db', 'dist/tests']) rmSync(dir, { recursive: true, force: true });
