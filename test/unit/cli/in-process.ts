/** Runs the classify command in the test's own process, with `stdin` as its input: no process start (seconds under load). */
import { PassThrough, Readable } from 'node:stream';
import { runClassify } from '../../../src/cli/run.ts';

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runInProcess(args: string[], stdin: string | Buffer = ''): Promise<CommandResult> {
  const collect = () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
  };
  const stdout = collect();
  const stderr = collect();
  const code = await runClassify(args, { stdin: Readable.from([Buffer.from(stdin)]), stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
