#!/usr/bin/env node
// V8's concurrent marking helps an interactive program's pauses, but cpc is a batch of CPU-bound
// worker threads, one per core: the marking threads compete with them and cost more CPU than they
// save (cpc batch -j 2, 250 PDFs: ~18% less CPU and wall time without). Set before anything else
// runs, so no collection is under way when it changes and every worker thread starts with it.
import { setFlagsFromString } from 'node:v8';

setFlagsFromString('--no-concurrent-marking');
const { run } = await import('../dist/cli/index.js');

process.exitCode = await run(process.argv.slice(2));
