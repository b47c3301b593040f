/**
 * The classify command: URLs from standard input or arguments, --policy, --region and --audience.
 * The first case starts the real command (tsx, stdin and stdout as pipes); the rest run it in
 * this process, where a process start would cost seconds each on a loaded machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_EXTENSION_ID } from '../../../src/core/identity.ts';
import { runInProcess } from './in-process.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** The command's standard output; it must succeed. */
const run = async (args: string[], input = '') => {
  const result = await runInProcess(args, input);
  expect(result.code, result.stderr).toBe(0);
  return result.stdout;
};
const spawn = runInProcess;

it('classifies URLs from stdin in order, one JSON object per line, and never fails on bad input (a real process)', async () => {
  const output = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/classify.ts'], {
    cwd: root,
    encoding: 'utf8',
    input: 'https://usa.kaspersky.com/premium\nnot a url\nhttps://www.kaspersky.com/blog/post/1/\n\u0000\u00ff%%%\nhttps://example.org/\n',
  });
  const lines = output
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { url: string; kind: string; reasons: string[]; vendor: string | null });
  expect(lines.map((line) => [line.url, line.kind])).toEqual([
    ['https://usa.kaspersky.com/premium', 'purchase'],
    ['not a url', 'none'],
    ['https://www.kaspersky.com/blog/post/1/', 'vendor'],
    ['\u0000\u00ff%%%', 'none'],
    ['https://example.org/', 'none'],
  ]);
  expect(lines[1]).toEqual({ url: 'not a url', vendor: null, kind: 'none', reasons: ['invalid-url'] });
  expect(Object.keys(lines[0]!)).toEqual(['url', 'vendor', 'kind', 'reasons']);
});

it('takes URLs as arguments', async () => {
  const output = await run(['https://www.kaspersky.co.uk/plus', 'https://kaspersky.com@evil.example/']);
  expect(
    output
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { kind: string }).kind),
  ).toEqual(['purchase', 'none']);
});

describe('--policy', () => {
  const parse = (stdout: string) =>
    stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  let dir = '';
  const write = (name: string, contents: string) => {
    const file = join(dir, name);
    writeFileSync(file, contents);
    return file;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vendor-guard-cli-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds the decision under a valid block policy: "block" on a store page, "none" elsewhere', async () => {
    const lines = parse(
      await run([
        '--policy',
        'docs/policies/block-locked.json',
        'https://usa.kaspersky.com/premium',
        'https://www.kaspersky.com/blog/post/1/',
        'https://example.org/',
        'not a url',
      ]),
    );
    expect(lines.map((line) => [line.url, line.kind, line.decision])).toEqual([
      ['https://usa.kaspersky.com/premium', 'purchase', 'block'],
      ['https://www.kaspersky.com/blog/post/1/', 'vendor', 'none'],
      ['https://example.org/', 'none', 'none'],
      ['not a url', 'none', 'none'],
    ]);
    expect(Object.keys(lines[0]!)).toEqual(['url', 'vendor', 'kind', 'reasons', 'decision']);
  });

  it('never flags an exempt domain, and still blocks the vendor elsewhere', async () => {
    const lines = parse(
      await run(
        ['--policy', 'docs/policies/exempt-licence-portal.json'],
        'https://licences.example.com/kaspersky-premium-download\nhttps://www.kaspersky.com/downloads\n',
      ),
    );
    expect(lines).toEqual([
      {
        url: 'https://licences.example.com/kaspersky-premium-download',
        vendor: null,
        kind: 'none',
        reasons: ['policy-exempt'],
        decision: 'none',
      },
      {
        url: 'https://www.kaspersky.com/downloads',
        vendor: 'kaspersky',
        kind: 'download',
        reasons: ['vendor-domain', 'vendor-download-page'],
        decision: 'block',
      },
    ]);
  });

  it('gives "warn" in warn mode, "none" in off mode, and flags blocked domains and extra vendors', async () => {
    expect(parse(await run(['--policy', 'docs/policies/warn-with-contact.json', 'https://usa.kaspersky.com/premium']))[0]?.decision).toBe(
      'warn',
    );
    const off = write('off.json', '{"mode":"off"}');
    expect(parse(await run(['--policy', off, 'https://usa.kaspersky.com/premium']))[0]).toMatchObject({
      kind: 'purchase',
      decision: 'none',
    });
    const lines = parse(
      await run([
        '--policy=docs/policies/extra-vendor.json',
        'https://www.cheap-av-keys.example/deal',
        'https://www.nordvale.example/store',
      ]),
    );
    expect(lines.map((line) => [line.vendor, line.reasons, line.decision])).toEqual([
      ['organization', ['policy-blocked-domain'], 'warn'],
      ['nordvale', ['vendor-domain', 'vendor-store-page'], 'warn'],
    ]);
  });

  it('accepts a Chrome/Linux policy file and a Firefox policies.json', async () => {
    const linux = write(
      'linux.json',
      JSON.stringify({ ExtensionInstallForcelist: [], '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: { mode: 'block' } } } }),
    );
    expect(parse(await run(['--policy', linux, 'https://usa.kaspersky.com/premium']))[0]?.decision).toBe('block');
    expect(parse(await run(['--policy', 'docs/policies/firefox-policies.json', 'https://usa.kaspersky.com/premium']))[0]?.decision).toBe(
      'block',
    );
  });

  it('rejects an invalid policy with exit code 2, every problem listed, and nothing classified', async () => {
    const bad = write(
      'bad.json',
      JSON.stringify({ mode: 'loud', supportUrl: 'javascript:alert(1)', blockedDomains: ['ok.example', 'not a host'], colour: 'red' }),
    );
    const result = await spawn(['--policy', bad, 'https://usa.kaspersky.com/premium']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    // The words are the English ones the options page shows (public/_locales/en/messages.json).
    expect(result.stderr).toBe(
      `classify: the policy file ${bad} was not used (4 problems):\n` +
        '  mode: must be "off", "warn" or "block"\n' +
        '  supportUrl: must be a URL starting with https:// or http://\n' +
        '  blockedDomains[1]: is not a hostname (like example.com)\n' +
        '  colour: is not a Vendor Guard policy key\n',
    );
  });

  it('rejects a bad policy inside a Chrome/Linux wrapper, and a wrapper without this extension', async () => {
    const wrapped = write('wrapped.json', JSON.stringify({ '3rdparty': { extensions: { [CHROME_EXTENSION_ID]: { mode: 1 } } } }));
    const result = await spawn(['--policy', wrapped], 'https://usa.kaspersky.com/premium\n');
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toContain(`in 3rdparty.extensions.${CHROME_EXTENSION_ID}`);
    expect(result.stderr).toContain('mode: must be "off", "warn" or "block"');
    const other = write('other.json', JSON.stringify({ '3rdparty': { extensions: { a: {}, b: {} } } }));
    const missing = await spawn(['--policy', other, 'https://usa.kaspersky.com/premium']);
    expect([missing.code, missing.stdout]).toEqual([2, '']);
    expect(missing.stderr).toContain(`has no policy for ${CHROME_EXTENSION_ID} in "3rdparty.extensions" (found: a, b)`);
  });

  it.each([
    ['an empty file', '', '(file): is empty\n'],
    ['a file that is not JSON', '{mode: block}', '(file): is not valid JSON (the error is at line 1, column 2)\n'],
    ['a JSON list', '[{"mode":"block"}]', '(file): is not a JSON object of keys and values, like {"mode": "warn"}\n'],
    [
      'a list over its limit',
      JSON.stringify({ blockedDomains: Array.from({ length: 100_001 }, (_, i) => `h${i}.example`) }),
      'blockedDomains: has more than 100,000 entries\n',
    ],
  ])('rejects %s with exit code 2', async (_label, contents, message) => {
    const result = await spawn(['--policy', write('file.json', contents), 'https://usa.kaspersky.com/premium']);
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toContain(message);
  });

  it('exits 2 with a clear message when the policy file is missing', async () => {
    const result = await spawn(['--policy', join(dir, 'no-such-policy.json'), 'https://usa.kaspersky.com/premium']);
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toBe(`classify: cannot read the policy file ${join(dir, 'no-such-policy.json')}: no such file\n`);
  });

  it('exits 2 on --policy without a file and on unknown options; --help prints usage and exits 0', async () => {
    for (const args of [['--policy'], ['--polcy', 'x.json', 'https://example.org/']]) {
      const result = await spawn(args);
      expect([result.code, result.stdout]).toEqual([2, '']);
      expect(result.stderr).toContain('Usage: npm run classify');
    }
    const help = await spawn(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--policy FILE');
  });
});

describe('--region and --audience', () => {
  const lineOf = async (args: string[]) => JSON.parse((await run(args)).trim().split('\n')[0]!) as { actions: string[]; decision: string };

  it('prints the actions that apply where the reader is, most relevant first, and the decision', async () => {
    expect(await lineOf(['--region', 'de', 'https://usa.kaspersky.com/premium'])).toMatchObject({
      actions: ['de_bsi_warning_2022', 'ep_resolution_2018'],
      decision: 'warn',
    });
    expect((await lineOf(['--region', 'US', '--audience', 'federal_contractor', 'https://usa.kaspersky.com/premium'])).actions).toEqual([
      'bis_final_determination',
      'ndaa_fy2018_1634',
      'bis_entity_list',
      'fcc_covered_list',
      'dhs_bod_17_01',
    ]);
    expect(await lineOf(['--region', 'AU', '--audience', 'government', 'https://example.org/'])).toMatchObject({
      actions: [],
      decision: 'none',
    });
  });

  it('says "notice" where the extension shows the calmer notice, which block mode never blocks', async () => {
    const block = ['--policy', 'docs/policies/block-locked.json', '--region', 'US'];
    const dji = 'https://store.dji.com/product/dji-mini-4-pro';
    const hikvision = 'https://www.hikvision.com/en/products/IP-Products/Network-Cameras/';
    expect((await lineOf([...block, dji])).decision).toBe('notice');
    expect((await lineOf([...block, hikvision])).decision).toBe('notice');
    expect((await lineOf([...block, '--audience', 'federal_contractor', hikvision])).decision).toBe('block');
    expect((await lineOf([...block, '--audience', 'federal_contractor', dji])).decision).toBe('notice');
    // A government body: bound by §889 in the United States only.
    expect((await lineOf([...block, '--audience', 'government', hikvision])).decision).toBe('block');
    expect((await lineOf([...block.slice(0, 2), '--region', 'DE', '--audience', 'government', hikvision])).decision).toBe('notice');
    expect((await lineOf([...block, 'https://usa.kaspersky.com/premium'])).decision).toBe('block');
  });

  it("applies the policy's warnFor to the reader's place: no action in Brazil, no warning", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vg-reader-'));
    try {
      const policy = join(dir, 'policy.json');
      writeFileSync(policy, JSON.stringify({ warnFor: 'here', jurisdictions: ['BR'] }));
      expect(await lineOf(['--policy', policy, 'https://usa.kaspersky.com/premium'])).toMatchObject({ decision: 'none' });
      expect(await lineOf(['--policy', policy, '--region', 'DE', 'https://usa.kaspersky.com/premium'])).toMatchObject({ decision: 'warn' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [['--region', 'XX'], 'unknown region "XX"'],
    [['--region', 'Germany'], 'unknown region "Germany"'],
    [['--audience', 'boss'], 'unknown audience "boss"'],
  ])('rejects %j with exit code 2, naming the value', async (args, message) => {
    const result = await spawn([...args, 'https://usa.kaspersky.com/premium']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
  });
});
