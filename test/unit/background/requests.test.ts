import { describe, expect, it } from 'vitest';
import { dismissPage } from '../../../src/background/page-reports.ts';
import { dispatch, requestHandlers, type PageSender, type RequestHandlers } from '../../../src/background/requests.ts';
import type { BackgroundRequest } from '../../../src/platform/messages.ts';
import { CONTENT_REQUESTS, PAGE_REQUESTS } from '../../../src/platform/messages.ts';
import { contentSender, fakeBrowser, signals } from './fakes.ts';
import { DEFAULT_SETTINGS } from '../../../src/core/policy/settings.ts';

const PAGE: PageSender = { kind: 'extension-page' };
const STORE = 'https://usa.kaspersky.com/premium';

describe('the request handler map', () => {
  it('has one handler for every request type the platform lets through', () => {
    const handlers = requestHandlers(fakeBrowser().worker);
    expect(Object.keys(handlers).sort()).toEqual([...CONTENT_REQUESTS, ...PAGE_REQUESTS].sort());
  });

  it("answers a content script's request about its own tab", async () => {
    const fake = fakeBrowser();
    const handlers = requestHandlers(fake.worker);
    const answer = await dispatch(handlers, { type: 'page-signals', signals: signals(STORE) }, contentSender(4, STORE));
    expect(answer).toMatchObject({ needsContent: false, view: { decision: { banner: true } } });
    expect(fake.tabRecords.get(4)?.url).toBe(STORE);
    expect(await dispatch(handlers, { type: 'get-tab-state', tabId: 4 }, PAGE)).toMatchObject({ url: STORE, decision: { banner: true } });
  });

  it('refuses content requests from extension pages and page requests from content scripts', async () => {
    const fake = fakeBrowser();
    const handlers = requestHandlers(fake.worker);
    fake.tabRecords.set(4, {
      url: STORE,
      site: 'kaspersky.com',
      verdict: { vendor: 'kaspersky', kind: 'purchase', reasons: ['vendor-store-page'], rule: 'vendor-store-page' },
      dismissed: false,
    });
    await expect(dispatch(handlers, { type: 'allow-site' }, PAGE)).rejects.toThrow('unexpected request allow-site');
    await expect(dispatch(handlers, { type: 'get-tab-state', tabId: 4 }, contentSender(9, STORE))).rejects.toThrow();
    await expect(
      dispatch(
        handlers,
        { type: 'save-settings', settings: { ...DEFAULT_SETTINGS, mode: 'off', downloadGuard: 'off', allowedSites: [] } },
        contentSender(4, STORE),
      ),
    ).rejects.toThrow();
    await expect(dispatch(handlers, { type: 'proceed', url: STORE, remember: true }, contentSender(4, STORE))).rejects.toThrow();
    expect(fake.savedUser).toEqual([]);
    expect(fake.lists.size).toBe(0);
    expect(fake.badges).toEqual([]);
  });

  it('refuses request types it does not know, even inherited names', async () => {
    const handlers = requestHandlers(fakeBrowser().worker);
    for (const type of ['delete-everything', 'toString', '__proto__']) {
      await expect(dispatch(handlers, { type } as unknown as BackgroundRequest, PAGE)).rejects.toThrow(`unexpected request ${type}`);
    }
  });

  it('is checked by the compiler: every type, each answer, each sender (see the expected errors below)', () => {
    const fake = fakeBrowser();
    const handlers = requestHandlers(fake.worker);
    // @ts-expect-error a request type without a handler
    const missing: RequestHandlers = (({ proceed: _proceed, ...rest }) => rest)(handlers);
    const wrongAnswer: RequestHandlers = {
      ...handlers,
      // @ts-expect-error 'page-signals' answers a PageSignalsAnswer, not a WarningView
      'page-signals': (_request, sender) => dismissPage(fake.worker, sender),
    };
    const wrongSender: RequestHandlers = {
      ...handlers,
      // @ts-expect-error a content request's handler is given the content script's tab, not an extension page
      'dismiss-page': (_request, _sender: PageSender) => dismissPage(fake.worker, contentSender(1, STORE)),
    };
    const unknown: RequestHandlers = {
      ...handlers,
      // @ts-expect-error no such request type
      'delete-everything': async () => null,
    };
    // The objects exist at run time; what matters above is that each one fails to compile.
    expect([missing, wrongAnswer, wrongSender, unknown].every((map) => typeof map === 'object')).toBe(true);
    expect('proceed' in missing).toBe(false);
  });
});
