/*
 * `npm run classify -- [options] [URL... | FILE...]`: see run.ts, and usage() in options.ts.
 */
import { runClassify } from './run.ts';

runClassify(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Classifying never fails on input; a file that breaks off (a cut gzip) or a closed pipe does.
    process.stderr.write(`classify: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
