/**
 * What the content-script unit tests share: the extension's API as far as the drawing code uses
 * it (English messages, an en-GB browser), and the closed shadow roots the code attaches, which
 * a page (and so a test) cannot reach otherwise.
 */
import { t as english } from '../ui/i18n-stub.ts';

/** The module `vi.mock('webextension-polyfill', () => englishExtensionApi())` puts in place of the polyfill. */
export const englishExtensionApi = () => ({
  default: {
    i18n: { getMessage: (key: string, substitutions?: string | string[]) => english(key, substitutions), getUILanguage: () => 'en-GB' },
  },
});

/** Every shadow root attached from now on, oldest first (closed ones included). */
export function captureShadowRoots(): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  const attachShadow = HTMLElement.prototype.attachShadow;
  HTMLElement.prototype.attachShadow = function (init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    roots.push(root);
    return root;
  };
  return roots;
}
