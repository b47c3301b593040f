/**
 * Which pages get a warning: vendor stores, the vendor's download page and reseller listings do;
 * the vendor's blog, a competitor's listing, news and unrelated sites do not. Also where the
 * content script runs at all, and HTTPS.
 */
import { describe, expect, it } from 'vitest';
import type { FixturePageId } from '../../harness/fixture-server/fixture-pages.ts';
import { settle } from '../../harness/chromium/tabs.ts';
import { contentScriptInjected } from '../../harness/chromium/in-page.ts';
import { useExtensionSuite, WARN_TIMEOUT } from './suite.ts';

const suite = useExtensionSuite();

describe('pages that sell or hand out Kaspersky software get the banner and the badge', () => {
  it.each<[string, FixturePageId]>([
    ['the Kaspersky US store page', 'kaspersky-store'],
    ['the Kaspersky UK product page', 'kaspersky-uk-product'],
    ['the Kaspersky download page', 'kaspersky-download'],
    ['the Amazon listing of Kaspersky Premium', 'amazon-kaspersky'],
  ])('%s', async (_name, id) => {
    await suite.expectWarning(await suite.open(id));
  });

  it('the store page over HTTPS', async () => {
    const page = await suite.open('kaspersky-store', { https: true });
    expect(page.url()).toMatch(/^https:\/\/usa\.kaspersky\.com:\d+\/premium$/);
    await suite.expectWarning(page);
  });
});

describe('pages that sell nothing from Kaspersky stay clean', () => {
  it.each<[string, FixturePageId]>([
    ['the Kaspersky blog article', 'kaspersky-blog'],
    ['the Amazon listing of Bitdefender', 'amazon-bitdefender'],
    ['the Reuters news article about the ban', 'reuters-news'],
    ['example.org', 'example-org'],
  ])('%s', async (_name, id) => {
    await suite.expectNoWarning(await suite.open(id));
  });
});

describe('the content script runs only where it may be needed', () => {
  it('is injected on the Kaspersky store page', async () => {
    const page = await suite.open('kaspersky-store');
    await expect.poll(() => contentScriptInjected(page), { timeout: WARN_TIMEOUT }).toBe(true);
  });

  it.each<[string, FixturePageId]>([
    ['example.org', 'example-org'],
    ['the Reuters news article', 'reuters-news'],
  ])('is not injected on %s', async (_name, id) => {
    const page = await suite.open(id);
    await settle(page);
    expect(await contentScriptInjected(page)).toBe(false);
  });
});
