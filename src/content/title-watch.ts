/** How long the title must stay the same before it counts: apps often set it twice while rendering. */
const SETTLE_MS = 250;

/**
 * Calls `onChange` when the page's title changes and then stays put: single-page apps retitle the
 * page when they show another listing, with or without a URL change, and sometimes long after
 * the URL changed (a slow fetch). Only <head> is observed, and a mutation costs one string
 * comparison, so pages that change their body constantly cost nothing here.
 */
export function watchTitle(onChange: () => void): void {
  let seen = document.title;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    if (document.title === seen) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (document.title === seen) return;
      seen = document.title;
      onChange();
    }, SETTLE_MS);
  });
  const observeHead = () => {
    if (document.head) observer.observe(document.head, { childList: true, subtree: true, characterData: true });
  };
  observeHead();
  // A page that replaces <head> gets the new one observed.
  new MutationObserver(() => {
    observer.disconnect();
    observeHead();
  }).observe(document.documentElement, { childList: true });
}
