/*
 * The element the banner's closed shadow root hangs on, and how it holds its place in a page that
 * fights it (see keeper.ts).
 */

/**
 * The host's own layout, inline and `!important` with `all: initial` first: an inline important
 * declaration beats every page style sheet, layered or not. Its zoom is the keeper's (it cancels
 * a page's zoom that would shrink or blow up the banner), so it comes last, apart.
 */
const HOST_LAYOUT = [
  'all:initial',
  'display:block',
  'position:fixed',
  'top:0',
  'left:0',
  'right:0',
  'bottom:auto',
  'width:auto',
  'height:auto',
  'max-width:none',
  'max-height:none',
  'margin:0',
  'padding:0',
  'border:0',
  'overflow:visible',
  'background:transparent',
  'z-index:2147483647',
  'visibility:visible',
  'opacity:1',
  'transform:none',
  'filter:none',
  'clip-path:none',
  'mask:none',
  'content-visibility:visible',
  'pointer-events:auto',
];

/** The host's inline style with its own `zoom`. */
export const hostStyle = (zoom = 1): string => [...HOST_LAYOUT, `zoom:${zoom}`].map((declaration) => `${declaration} !important;`).join('');

/** A document of the content script's own, with no custom element definitions (made once). */
let inertDocument: Document | null = null;

/**
 * A custom element name made afresh for each banner (letters, a hyphen, letters), so no page can
 * find the banner, style it or define an element for it by a name known in advance.
 */
function freshTagName(): string {
  const letters = crypto.getRandomValues(new Uint8Array(12));
  let name = '';
  letters.forEach((byte, i) => (name += (i === 5 ? '-' : '') + String.fromCharCode(97 + (byte % 26))));
  return name;
}

/**
 * The banner's host element, styled to hold its place and shown as a manual popover (the top
 * layer). It is made in a private document, so a custom element the page defined under the same
 * name (custom element definitions reach across worlds) is not run until the host joins the page,
 * by which time the host already carries the banner's closed shadow root and the page cannot put
 * its own there.
 */
export function createHost(): HTMLElement {
  inertDocument ??= document.implementation.createHTMLDocument('');
  const host = inertDocument.createElement(freshTagName());
  host.style.cssText = hostStyle();
  host.setAttribute('popover', 'manual');
  return host;
}
