import { afterEach, describe, expect, it, vi } from 'vitest';
import { onNavigation } from '../../../src/background/navigation.ts';
import type { TabRecord } from '../../../src/background/ports.ts';
import { reapplyEverywhere } from '../../../src/background/settings-changes.ts';
import { classifyUrl } from '../../../src/core/classify/url.ts';
import { fakeBrowser, FROM_PAGE } from './fakes.ts';

const STORE = 'https://usa.kaspersky.com/premium';
const record = (url: string, verdict = classifyUrl(url)): TabRecord => ({ url, site: '', verdict, dismissed: false });

describe('the shared context', () => {
  it('compiles the policy once, not per event, and afresh after a change', async () => {
    const fake = fakeBrowser();
    await onNavigation(fake.worker, 1, STORE, false);
    await onNavigation(fake.worker, 2, STORE, false);
    expect(fake.loads).toBe(1);
    fake.managed = { exemptDomains: ['kaspersky.com'] };
    await reapplyEverywhere(fake.worker);
    expect(fake.loads).toBe(2);
    await onNavigation(fake.worker, 3, STORE, false);
    expect(fake.tabRecords.get(3)?.verdict.reasons).toEqual(['policy-exempt']);
  });

  it('applies decisions for one tab in call order, even when an earlier one is slower', async () => {
    const fake = fakeBrowser();
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const marks: (string | null)[] = [];
    fake.ports.badge = {
      set: async (_tabId, level) => {
        if (level) await gate;
        marks.push(level);
      },
    };
    const first = fake.worker.apply(1, record(STORE));
    const second = fake.worker.apply(1, record('https://www.example.org/'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(marks).toEqual([]);
    release();
    await Promise.all([first, second]);
    // The later decision (nothing flagged) is the one the badge keeps.
    expect(marks).toEqual(['warning', null]);
  });

  it('goes on with the next decision when one fails', async () => {
    const fake = fakeBrowser();
    const set = fake.ports.badge.set;
    fake.ports.badge = {
      set: async (tabId, level, title) => (level ? Promise.reject(new Error('tab closed')) : set(tabId, level, title)),
    };
    const failed = fake.worker.apply(1, record(STORE));
    const next = fake.worker.apply(1, record('https://www.example.org/'));
    await expect(failed).rejects.toThrow('tab closed');
    await expect(next).resolves.toMatchObject({ decision: { badge: false } });
  });
});

describe('settings changes', () => {
  afterEach(() => vi.restoreAllMocks());

  it("judges every known tab again, keeps what a page's own report found, and asks each page to report again", async () => {
    const fake = fakeBrowser();
    fake.tabRecords.set(1, { url: 'https://www.walmart.com/ip/1', site: 'walmart.com', verdict: FROM_PAGE, dismissed: false });
    fake.tabRecords.set(2, { url: STORE, site: 'kaspersky.com', verdict: classifyUrl(STORE), dismissed: false });
    fake.managed = { exemptDomains: ['kaspersky.com'] };
    await reapplyEverywhere(fake.worker);
    expect(fake.sent.map(({ tabId, message }) => [tabId, message.type])).toEqual([
      [1, 'warning-changed'],
      [1, 'url-changed'],
      [2, 'warning-changed'],
      [2, 'url-changed'],
    ]);
    const views = fake.sent.flatMap(({ message }) => (message.type === 'warning-changed' ? [message.view.decision] : []));
    // The page's own finding stands until it reports again; an exemption applies at once.
    expect(views).toMatchObject([{ banner: true }, { banner: false, verdict: { reasons: ['policy-exempt'] } }]);
    expect(fake.badgeOf(1)?.flagged).toBe(true);
    expect(fake.badgeOf(2)?.flagged).toBe(false);
  });

  it('installs the block rules in block mode, takes them away otherwise, and says which the browser refused', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fake = fakeBrowser({ policy: { mode: 'block' }, refuse: (rule) => rule.condition.regexFilter !== undefined });
    await reapplyEverywhere(fake.worker);
    expect(fake.installedRules[0]!.length).toBeGreaterThan(0);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/refused \d+ block rule patterns/), expect.any(Array));
    fake.managed = { mode: 'warn' };
    await reapplyEverywhere(fake.worker);
    expect(fake.installedRules[1]).toEqual([]);
  });
});
