import { describe, expect, it } from 'vitest';
import { onInstalledOrStarted, onNavigation, onNavigationBlocked, onTabClosed } from '../../../src/background/navigation.ts';
import { classifyUrl } from '../../../src/core/classify/url.ts';
import { BLOCKED_PAGE, fakeBrowser, FROM_PAGE } from './fakes.ts';

const STORE = 'https://usa.kaspersky.com/premium';
const NEWS = 'https://www.reuters.com/technology/kaspersky-ban/';

describe('navigation', () => {
  it('gives a tab arriving at a page a fresh record from the URL, and marks the badge', async () => {
    const fake = fakeBrowser();
    await onNavigation(fake.worker, 3, STORE, false);
    expect(fake.tabRecords.get(3)).toEqual({
      url: STORE,
      site: 'kaspersky.com',
      verdict: classifyUrl(STORE),
      dismissed: false,
      frames: [],
    });
    expect(classifyUrl(STORE)).toMatchObject({ vendor: 'kaspersky', kind: 'purchase' });
    expect(fake.badgeOf(3)).toEqual({ flagged: true, title: 'banner_headline_purchase(Kaspersky)' });
    // A new document's content script asks for itself: nothing is sent to it.
    expect(fake.sent).toEqual([]);
    expect(fake.navigated).toEqual([]);
  });

  it('replaces the record when the tab moves to another page (the dismissal goes with it)', async () => {
    const fake = fakeBrowser();
    await onNavigation(fake.worker, 3, STORE, false);
    fake.tabRecords.set(3, { ...fake.tabRecords.get(3)!, dismissed: true });
    await onNavigation(fake.worker, 3, NEWS, false);
    expect(fake.tabRecords.get(3)).toMatchObject({ url: NEWS, site: 'reuters.com', dismissed: false, verdict: { kind: 'none' } });
    expect(fake.badgeOf(3)).toEqual({ flagged: false, title: 'action_title' });
  });

  it('keeps the record and the dismissal on a fragment-only change, and tells the page', async () => {
    const fake = fakeBrowser();
    fake.tabRecords.set(4, { url: 'https://www.walmart.com/ip/1', site: 'walmart.com', verdict: FROM_PAGE, dismissed: true });
    await onNavigation(fake.worker, 4, 'https://www.walmart.com/ip/1#reviews', true);
    expect(fake.tabRecords.get(4)).toEqual({
      url: 'https://www.walmart.com/ip/1#reviews',
      site: 'walmart.com',
      verdict: FROM_PAGE,
      dismissed: true,
    });
    expect(fake.sent.map(({ message }) => message.type)).toEqual(['warning-changed', 'url-changed']);
    const [changed] = fake.sent;
    expect(changed?.message.type === 'warning-changed' && changed.message.view.decision).toMatchObject({
      banner: false,
      badge: true,
      silencedBy: 'dismissed',
    });
  });

  it('starts afresh on a reload of the same URL with a fragment (a new document)', async () => {
    const fake = fakeBrowser();
    fake.tabRecords.set(4, { url: 'https://www.walmart.com/ip/1', site: 'walmart.com', verdict: FROM_PAGE, dismissed: true });
    await onNavigation(fake.worker, 4, 'https://www.walmart.com/ip/1#reviews', false);
    expect(fake.tabRecords.get(4)).toMatchObject({ verdict: { kind: 'none', vendor: null }, dismissed: false });
  });

  it("judges a single-page app's own URL change afresh and tells the page to report again", async () => {
    const fake = fakeBrowser();
    await onNavigation(fake.worker, 5, 'https://www.amazon.com/s?k=antivirus', false);
    await onNavigation(fake.worker, 5, 'https://www.amazon.com/Kaspersky-Premium-Total-Security-Devices/dp/B0CFWQ1JKZ', true);
    expect(fake.tabRecords.get(5)).toMatchObject({ site: 'amazon.com', verdict: { vendor: 'kaspersky', kind: 'purchase' } });
    expect(fake.sent.map(({ tabId, message }) => [tabId, message.type])).toEqual([
      [5, 'warning-changed'],
      [5, 'url-changed'],
    ]);
    const [changed] = fake.sent;
    expect(changed?.message.type === 'warning-changed' && changed.message.view).toMatchObject({
      decision: { banner: true },
      vendor: { name: 'Kaspersky' },
    });
  });

  it('never flags an exempt domain', async () => {
    const fake = fakeBrowser({ policy: { exemptDomains: ['kaspersky.com'] } });
    await onNavigation(fake.worker, 6, STORE, false);
    expect(fake.tabRecords.get(6)?.verdict).toEqual({ vendor: null, kind: 'none', reasons: ['policy-exempt'], rule: 'policy-exempt' });
    expect(fake.badgeOf(6)?.flagged).toBe(false);
  });

  it('replaces a page to block with the blocking page, unless the user proceeded to its host', async () => {
    const fake = fakeBrowser({ policy: { mode: 'block' } });
    await onNavigation(fake.worker, 7, STORE, false);
    expect(fake.navigated).toEqual([{ tabId: 7, url: `${BLOCKED_PAGE}?replaced=1#${STORE}` }]);
    fake.lists.set('proceededHosts', ['usa.kaspersky.com']);
    await onNavigation(fake.worker, 8, STORE, false);
    expect(fake.navigated).toHaveLength(1);
    expect(fake.badgeOf(8)?.flagged).toBe(true);
  });

  it('marks tiles on a shop page about no vendor, and not on a vendor page or an unknown site', async () => {
    const fake = fakeBrowser();
    await onNavigation(fake.worker, 9, 'https://www.amazon.com/s?k=antivirus', true);
    await onNavigation(fake.worker, 10, STORE, true);
    await onNavigation(fake.worker, 11, 'https://www.example.org/s?k=antivirus', true);
    const markTiles = fake.sent.flatMap(({ tabId, message }) =>
      message.type === 'warning-changed' ? [[tabId, message.view.markTiles]] : [],
    );
    expect(markTiles).toEqual([
      [9, true],
      [10, false],
      [11, false],
    ]);
  });

  it("a maker's page: the notice's badge and headline for a private reader, never blocked; the warning and the block for a US federal contractor", async () => {
    const DJI = 'https://store.dji.com/product/dji-mini-4-pro';
    const HIKVISION = 'https://us.hikvision.com/en/products/cameras/network-camera/value-series/ds-2cd2047g2-l';
    const privateReader = fakeBrowser({ policy: { mode: 'block' }, browserRegion: 'US' });
    await onNavigation(privateReader.worker, 1, DJI, false);
    await onNavigation(privateReader.worker, 2, HIKVISION, false);
    expect(privateReader.navigated).toEqual([]);
    expect(privateReader.badgeLevelOf(1)).toBe('notice');
    expect(privateReader.badgeOf(1)?.title).toBe('notice_headline_us_authorization(DJI)');
    expect(privateReader.badgeOf(2)?.title).toBe('notice_headline_us_government(Hikvision)');

    const contractor = fakeBrowser({ policy: { mode: 'block', audience: 'federal_contractor' }, browserRegion: 'US' });
    await onNavigation(contractor.worker, 2, HIKVISION, false);
    expect(contractor.badgeLevelOf(2)).toBe('warning');
    expect(contractor.navigated).toEqual([{ tabId: 2, url: `${BLOCKED_PAGE}?replaced=1#${HIKVISION}` }]);
    // DJI has no §889 record: a notice for federal contractors too.
    await onNavigation(contractor.worker, 1, DJI, false);
    expect(contractor.badgeLevelOf(1)).toBe('notice');
    expect(contractor.navigated).toHaveLength(1);
    // Kaspersky's warning is the warning's badge.
    await onNavigation(privateReader.worker, 3, STORE, false);
    expect(privateReader.badgeLevelOf(3)).toBe('warning');
    expect(privateReader.badgeLevelOf(99)).toBeUndefined();
  });

  it('forgets a closed tab', async () => {
    const fake = fakeBrowser();
    await onNavigation(fake.worker, 3, STORE, false);
    await onTabClosed(fake.worker, 3);
    expect(fake.tabRecords.has(3)).toBe(false);
  });

  it("shows the blocking page in place of the browser's error for a blocked navigation, in block mode only", async () => {
    const warn = fakeBrowser();
    await onNavigationBlocked(warn.worker, 2, STORE);
    expect(warn.navigated).toEqual([]);
    const block = fakeBrowser({ policy: { mode: 'block' } });
    await onNavigationBlocked(block.worker, 2, STORE);
    expect(block.navigated).toEqual([{ tabId: 2, url: `${BLOCKED_PAGE}?replaced=1#${STORE}` }]);
  });

  it('judges tabs open before the worker started, and installs block rules in block mode only', async () => {
    const openTabs = [
      { tabId: 1, url: STORE },
      { tabId: 2, url: NEWS },
    ];
    const warn = fakeBrowser({ openTabs });
    await onInstalledOrStarted(warn.worker);
    expect(warn.installedRules).toEqual([[]]);
    expect(warn.tabRecords.get(1)).toMatchObject({ url: STORE, site: 'kaspersky.com', verdict: { kind: 'purchase' } });
    expect(warn.badgeOf(1)?.flagged).toBe(true);
    expect(warn.badgeOf(2)?.flagged).toBe(false);

    const block = fakeBrowser({ openTabs, policy: { mode: 'block' } });
    await onInstalledOrStarted(block.worker);
    expect(block.installedRules).toHaveLength(1);
    expect(block.installedRules[0]!.length).toBeGreaterThan(0);
    expect(block.navigated).toEqual([{ tabId: 1, url: `${BLOCKED_PAGE}?replaced=1#${STORE}` }]);
  });
});
