/*
 * The element the banner's closed shadow root hangs on, and how it holds its place in a page that
 * fights it (see keeper.ts).
 */

/**
 * The host's own layout, inline and `!important` with `all: initial` first: an inline important
 * declaration beats every page style sheet, layered or not.
 */
export const HOST_STYLE = [
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
  'zoom:1',
]
  .map((declaration) => `${declaration} !important;`)
  .join('');

export type PopoverHost = HTMLElement & { showPopover?: () => void; hidePopover?: () => void };

/** A document of the content script's own, with no custom element definitions (made once). */
let inertDocument: Document | null = null;

/**
 * The banner's host element, styled to hold its place. It is made in a private document, so a
 * custom element the page defined under the same name (custom element definitions reach across
 * worlds) is not run until the host joins the page, by which time the host already carries the
 * banner's closed shadow root and the page cannot put its own there.
 */
export function createHost(tag: string): HTMLElement {
  inertDocument ??= document.implementation.createHTMLDocument('');
  const host = inertDocument.createElement(tag);
  host.style.cssText = HOST_STYLE;
  if (supportsPopover(host)) host.setAttribute('popover', 'manual');
  return host;
}

export function supportsPopover(host: PopoverHost): boolean {
  return typeof host.showPopover === 'function' && typeof host.hidePopover === 'function';
}
