import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/*
 * The layer rules of eslint.config.js, shown to fire: each case lints a line of code as if it
 * stood in a file of that layer (nothing is written), and must be refused or let through.
 */

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = typeof imported;\n`, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('layer boundaries', () => {
  it.each([
    ['src/core/classify/x.ts', "import { t as imported } from '../../platform/runtime.ts';", 'core imports platform'],
    ['src/core/policy/x.ts', "import { Popup as imported } from '../../ui/popup/Popup.tsx';", 'core imports ui'],
    ['src/core/x.ts', "import { Banner as imported } from '../content/banner.ts';", 'core imports content'],
    ['src/core/x.ts', "import imported from 'webextension-polyfill';", 'core imports the polyfill'],
    ['src/core/x.ts', 'const imported = document.title;', 'core reads a browser global'],
    ['src/ui/popup/x.ts', "import imported from 'webextension-polyfill';", 'ui imports the polyfill'],
    ['src/content/x.ts', "import { formatCount as imported } from '../ui/components/format.ts';", 'content imports ui'],
    ['src/background/navigation.ts', "import { setTabBadge as imported } from '../platform/badge.ts';", 'a handler imports platform code'],
    ['src/ui/popup/x.ts', "import { classifyUrl as imported } from '../../core/classify/url.ts';", 'ui classifies'],
    ['src/cli/x.ts', "import { t as imported } from '../platform/runtime.ts';", 'the CLI imports platform'],
    ['scripts/x.ts', "import { launch as imported } from '../test/e2e/suite.ts';", 'a script imports from test/'],
    ['harness/x.ts', "import { launch as imported } from '../test/e2e/suite.ts';", 'the harness imports from test/'],
  ])('refuses %s: %s (%s)', async (file, code) => {
    const rule = code.includes('document') ? 'no-restricted-globals' : '@typescript-eslint/no-restricted-imports';
    expect(await problems(file, code)).toEqual([rule]);
  });

  it.each([
    ['src/core/classify/x.ts', "import { isInstallerFile as imported } from '../vocabulary.ts';"],
    ['src/platform/x.ts', "import imported from 'webextension-polyfill';"],
    ['src/background/navigation.ts', "import type { WarningView as imported } from '../platform/messages.ts';"],
    ['src/background/index.ts', "import { setTabBadge as imported } from '../platform/badge.ts';"],
    ['src/content/x.ts', "import { formatIsoDate as imported } from '../core/i18n/format.ts';"],
    ['src/ui/popup/x.ts', "import type { Verdict as imported } from '../../core/classify/verdict.ts';"],
  ])('lets through %s: %s', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
