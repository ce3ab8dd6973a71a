#!/usr/bin/env node
// The installed `branchloop` command: runs the compiled CLI.
import('../dist/electron/cli/main.js');
