import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (message: unknown, sender: object) => unknown;
const listeners: Listener[] = [];

vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      id: 'own-extension-id',
      getURL: (path: string) => `chrome-extension://own-extension-id/${path}`,
      onMessage: { addListener: (listener: Listener) => listeners.push(listener) },
    },
  },
}));

const { onRequest } = await import('../../../src/platform/events.ts');

describe('onRequest', () => {
  const handler = vi.fn(async () => 'answered');
  beforeEach(() => {
    listeners.length = 0;
    handler.mockClear();
    onRequest(handler);
  });
  const deliver = (message: unknown, sender: object) => listeners[0]!(message, sender);

  const contentScript = { id: 'own-extension-id', tab: { id: 7 }, frameId: 0, url: 'https://usa.kaspersky.com/premium' };
  const popup = { id: 'own-extension-id', url: 'chrome-extension://own-extension-id/src/ui/popup/index.html' };

  it('answers its own content scripts (any frame, which it names) and its own pages', async () => {
    await expect(deliver({ type: 'dismiss-page' }, contentScript)).resolves.toBe('answered');
    expect(handler).toHaveBeenLastCalledWith({ type: 'dismiss-page' }, { kind: 'content', tabId: 7, frameId: 0, url: contentScript.url });
    const framed = { ...contentScript, frameId: 3, url: 'https://usa.kaspersky.com/embedded-store' };
    await expect(deliver({ type: 'page-start' }, framed)).resolves.toBe('answered');
    expect(handler).toHaveBeenLastCalledWith({ type: 'page-start' }, { kind: 'content', tabId: 7, frameId: 3, url: framed.url });
    await expect(deliver({ type: 'get-tab-state', tabId: 7 }, popup)).resolves.toBe('answered');
  });

  it.each([
    ['another extension', { ...contentScript, id: 'someone-else' }, { type: 'dismiss-page' }],
    ['a content script that names no frame', { ...contentScript, frameId: undefined }, { type: 'dismiss-page' }],
    ['a page asking for another tab’s state', contentScript, { type: 'get-tab-state', tabId: 1 }],
    ['an extension page posing as a content script', popup, { type: 'allow-site' }],
    ['an unknown message type', popup, { type: 'delete-everything' }],
    ['a malformed message', contentScript, 'dismiss-page'],
  ])('refuses %s', (_what, sender, message) => {
    expect(deliver(message, sender)).toBeUndefined();
    expect(handler).not.toHaveBeenCalled();
  });
});
