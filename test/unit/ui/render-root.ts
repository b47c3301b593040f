import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

/** A fresh element in the document for each test to render into, emptied and removed after it. */
export function useRenderRoot(): { readonly current: HTMLElement } {
  const holder = { current: document.createElement('div') };
  beforeEach(() => {
    holder.current = document.createElement('div');
    document.body.append(holder.current);
  });
  afterEach(() => {
    render(null, holder.current);
    holder.current.remove();
  });
  return holder;
}
