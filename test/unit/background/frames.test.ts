import { describe, expect, it } from 'vitest';
import { WARNED_HOSTS } from '../../../src/background/context.ts';
import { onFrameNavigation, onNavigation } from '../../../src/background/navigation.ts';
import { pageSignals, pageStart, warningOverpowered } from '../../../src/background/page-reports.ts';
import { reapplyEverywhere } from '../../../src/background/settings-changes.ts';
import { proceed, tabState } from '../../../src/background/ui-requests.ts';
import { classifyUrl } from '../../../src/core/classify/url.ts';
import { BLOCKED_PAGE, contentSender, fakeBrowser, signals } from './fakes.ts';

/*
 * The page's start (its address alone, before the page has sent anything), pages in frames, and
 * the warning shown as a page when a page overpowers the banner.
 */

const STORE = 'https://usa.kaspersky.com/premium';
const REVIEWS = 'https://www.example.org/reviews/antivirus';
/** A shop's product page whose URL names nothing: the page's JSON-LD says it sells Kaspersky. */
const WALMART = 'https://www.walmart.com/ip/123456';
/** A reseller listing decided by its URL alone, which the page itself may yet contradict. */
const LISTING = 'https://www.amazon.com/Kaspersky-Premium-Total-Security-Devices/dp/B0CFWQ1JKZ';

describe('page start: what the address alone decides', () => {
  it('warns at once on a store page, before any signal', async () => {
    const fake = fakeBrowser();
    const view = await pageStart(fake.worker, contentSender(1, STORE));
    expect(view).toMatchObject({ decision: { banner: true, badge: true }, vendor: { name: 'Kaspersky' } });
    expect(fake.tabRecords.get(1)).toMatchObject({ url: STORE, verdict: classifyUrl(STORE), dismissed: false, frames: [] });
  });

  it("keeps what the tab's navigation already recorded for the same page (a dismissal there stays)", async () => {
    const fake = fakeBrowser();
    await onNavigation(fake.worker, 1, STORE, false);
    fake.tabRecords.set(1, { ...fake.tabRecords.get(1)!, dismissed: true });
    const view = await pageStart(fake.worker, contentSender(1, STORE));
    expect(view.decision).toMatchObject({ banner: false, badge: true, silencedBy: 'dismissed' });
  });

  it('leaves a listing URL the page may contradict to the page: badge now, banner once the page has spoken', async () => {
    const fake = fakeBrowser();
    expect(classifyUrl(LISTING)).toMatchObject({ kind: 'purchase', reasons: ['reseller-listing'] });
    const view = await pageStart(fake.worker, contentSender(1, LISTING));
    expect(view.decision).toMatchObject({ banner: false, badge: true });
    expect(fake.badgeOf(1)?.flagged).toBe(true);
  });
});

describe('pages in frames', () => {
  it("a flagged frame's start decides for a tab whose page is not flagged; the top page is told and the frame shows nothing", async () => {
    const fake = fakeBrowser();
    await onNavigation(fake.worker, 2, REVIEWS, false);
    expect(fake.badgeOf(2)?.flagged).toBe(false);
    const view = await pageStart(fake.worker, contentSender(2, STORE, 7));
    expect(view.decision.banner).toBe(false);
    expect(fake.tabRecords.get(2)).toMatchObject({ url: REVIEWS, frames: [{ frameId: 7, url: STORE, site: 'kaspersky.com' }] });
    expect(fake.badgeOf(2)).toEqual({ flagged: true, title: 'banner_headline_purchase(Kaspersky)' });
    expect(fake.sent).toEqual([
      {
        tabId: 2,
        message: { type: 'warning-changed', view: expect.objectContaining({ vendor: expect.objectContaining({ name: 'Kaspersky' }) }) },
      },
    ]);
    expect(fake.sent[0]?.message).toMatchObject({ view: { decision: { banner: true } } });
    expect(await tabState(fake.worker, 2)).toMatchObject({ url: REVIEWS, frameUrl: STORE, vendor: { name: 'Kaspersky' } });
  });

  it('the frame warns inside itself where no content script runs in the top page', async () => {
    const fake = fakeBrowser({ topScripted: () => false });
    await onNavigation(fake.worker, 2, REVIEWS, false);
    const view = await pageStart(fake.worker, contentSender(2, STORE, 7));
    expect(view.decision.banner).toBe(true);
    expect(fake.badgeOf(2)?.flagged).toBe(true);
  });

  it("a frame's navigation decides from its address alone, for frames no content script runs in", async () => {
    const fake = fakeBrowser();
    await onNavigation(fake.worker, 3, REVIEWS, false);
    await onFrameNavigation(fake.worker, 3, 4, STORE);
    expect(fake.tabRecords.get(3)?.frames).toEqual([{ frameId: 4, url: STORE, site: 'kaspersky.com', verdict: classifyUrl(STORE) }]);
    expect(fake.badgeOf(3)?.flagged).toBe(true);
    expect(fake.sent.map((entry) => entry.message.type)).toEqual(['warning-changed']);

    // The frame moves on to a page that sells nothing: the tab is clear again.
    await onFrameNavigation(fake.worker, 3, 4, 'https://www.kaspersky.com/blog/strong-password-tips/12345/');
    expect(fake.tabRecords.get(3)?.frames).toEqual([]);
    expect(fake.badgeOf(3)?.flagged).toBe(false);
  });

  it('ignores frames that show nothing flagged: no write, no badge, no message', async () => {
    const fake = fakeBrowser();
    await onNavigation(fake.worker, 3, REVIEWS, false);
    const badges = fake.badges.length;
    await onFrameNavigation(fake.worker, 3, 9, 'https://ads.example.net/slot?id=1');
    await onFrameNavigation(fake.worker, 3, 10, 'about:blank');
    expect(fake.tabRecords.get(3)?.frames).toEqual([]);
    expect(fake.badges.length).toBe(badges);
    expect(fake.sent).toEqual([]);
  });

  it("a frame's own signals decide for it as a page's do", async () => {
    const fake = fakeBrowser();
    await onNavigation(fake.worker, 4, REVIEWS, false);
    const answer = await pageSignals(
      fake.worker,
      {
        type: 'page-signals',
        signals: signals(WALMART, {
          title: 'Security software - Walmart.com',
          products: [{ name: 'Total Security 5 Devices', brand: 'Kaspersky', software: false, offer: 'paid', downloadable: false }],
        }),
      },
      contentSender(4, WALMART, 5),
    );
    expect(answer.view.decision.banner).toBe(false);
    expect(fake.tabRecords.get(4)?.frames).toMatchObject([
      { frameId: 5, url: WALMART, verdict: { kind: 'purchase', rule: 'page-content' } },
    ]);
    // The top page's own record is untouched.
    expect(fake.tabRecords.get(4)).toMatchObject({ url: REVIEWS, verdict: { kind: 'none' } });
    expect(fake.badgeOf(4)?.flagged).toBe(true);
  });

  it("the top page's own verdict comes first, and a new page clears the frames", async () => {
    const fake = fakeBrowser();
    await onNavigation(fake.worker, 5, 'https://usa.kaspersky.com/downloads/thank-you/free-virus-removal-tool', false);
    await onFrameNavigation(fake.worker, 5, 2, STORE);
    expect((await tabState(fake.worker, 5))?.frameUrl).toBeUndefined();
    expect((await tabState(fake.worker, 5))?.decision.verdict.kind).toBe('download');
    await onNavigation(fake.worker, 5, REVIEWS, false);
    expect(fake.tabRecords.get(5)?.frames).toEqual([]);
  });

  it("a frame on a site the user allowed decides nothing, nor does one on the allowed page's site", async () => {
    const fake = fakeBrowser({ user: { allowedSites: ['kaspersky.com'] } });
    await onNavigation(fake.worker, 6, REVIEWS, false);
    await onFrameNavigation(fake.worker, 6, 2, STORE);
    expect((await tabState(fake.worker, 6))?.decision).toMatchObject({ banner: false, silencedBy: 'site-allowed' });

    const other = fakeBrowser({ user: { allowedSites: ['example.org'] } });
    await onNavigation(other.worker, 6, REVIEWS, false);
    await onFrameNavigation(other.worker, 6, 2, STORE);
    expect((await tabState(other.worker, 6))?.decision).toMatchObject({ banner: false, silencedBy: 'site-allowed' });
  });

  it("in block mode a flagged frame sends the tab to the blocking page for the frame's address", async () => {
    const fake = fakeBrowser({ user: { mode: 'block' } });
    await onNavigation(fake.worker, 7, REVIEWS, false);
    await onFrameNavigation(fake.worker, 7, 3, STORE);
    expect(fake.navigated).toEqual([{ tabId: 7, url: `${BLOCKED_PAGE}?replaced=1#${STORE}` }]);
  });

  it('keeps at most eight flagged frames, and judges them again when the settings change', async () => {
    const fake = fakeBrowser();
    await onNavigation(fake.worker, 8, REVIEWS, false);
    for (let frameId = 1; frameId <= 12; frameId++) await onFrameNavigation(fake.worker, 8, frameId, `${STORE}?frame=${frameId}`);
    expect(fake.tabRecords.get(8)?.frames).toHaveLength(8);
    fake.managed = { exemptDomains: ['kaspersky.com'] };
    await reapplyEverywhere(fake.worker);
    expect(fake.tabRecords.get(8)?.frames).toEqual([]);
    expect(fake.badgeOf(8)?.flagged).toBe(false);
  });
});

describe('a page that overpowers the banner', () => {
  it('gets the warning as a page of the extension, which the person may go past for the session', async () => {
    const fake = fakeBrowser();
    await onNavigation(fake.worker, 9, STORE, false);
    expect(await warningOverpowered(fake.worker, contentSender(9, STORE))).toEqual({ replaced: true });
    expect(fake.navigated).toEqual([{ tabId: 9, url: `${BLOCKED_PAGE}?replaced=1&warned=1#${STORE}` }]);

    // Proceed: no banner on that host for the session (as if dismissed), the badge stays; a block is not lifted.
    expect(await proceed(fake.worker, STORE, false, true)).toEqual({ ok: true });
    expect(fake.lists.get(WARNED_HOSTS)).toEqual(['usa.kaspersky.com']);
    expect(fake.allowedHosts).toEqual([]);
    await onNavigation(fake.worker, 9, STORE, false);
    expect((await tabState(fake.worker, 9))?.decision).toMatchObject({ banner: false, badge: true, silencedBy: 'dismissed' });
  });

  it('replaces nothing where no banner is due (dismissed, or a page that is not flagged)', async () => {
    const fake = fakeBrowser();
    await onNavigation(fake.worker, 10, STORE, false);
    fake.tabRecords.set(10, { ...fake.tabRecords.get(10)!, dismissed: true });
    expect(await warningOverpowered(fake.worker, contentSender(10, STORE))).toEqual({ replaced: false });
    await onNavigation(fake.worker, 11, REVIEWS, false);
    expect(await warningOverpowered(fake.worker, contentSender(11, REVIEWS))).toEqual({ replaced: false });
    expect(fake.navigated).toEqual([]);
  });
});
