/** Real Firefox ESR with the built add-on: the runner lives in the harness, shared with `npm run bench`. */
export { FIREFOX_DIST, firefoxPath, runFirefox, tail, type FirefoxRun } from '../../harness/firefox/runner.ts';
