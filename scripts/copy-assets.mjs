// Copies what tsc does not: the SQL migrations, beside the compiled migration runner.
import { cpSync, writeFileSync } from 'node:fs';

cpSync('db/migrations', 'dist/db/migrations', { recursive: true, filter: (src) => !src.endsWith('.md') });
writeFileSync('dist/.node-build', new Date().toISOString() + '\n');
