// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type LoadedSettings, type Settings } from '../../../src/core/policy/settings.ts';
import { focusIndexAfterRemoval, Options } from '../../../src/ui/options/Options.tsx';
import { i18n } from './i18n-stub.ts';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const flush = () =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

/** Renders the options page over an in-memory store that notifies like storage.onChanged. */
async function open(initial: LoadedSettings | Error, failSave = false) {
  let listener: ((loaded: LoadedSettings) => void) | null = null;
  const saved: Settings[] = [];
  const saveSettings = vi.fn(async (settings: Settings) => {
    if (failSave) throw new Error('quota exceeded');
    saved.push(structuredClone(settings));
    listener?.({ settings: structuredClone(settings), problems: [] });
  });
  const props = {
    i18n,
    loadSettings: () => (initial instanceof Error ? Promise.reject(initial) : Promise.resolve(initial)),
    saveSettings,
    onSettingsChanged: (callback: (loaded: LoadedSettings) => void) => {
      listener = callback;
      return () => {
        listener = null;
      };
    },
  };
  await act(async () => {
    render(<Options {...props} />, root);
  });
  await flush();
  return { saved, saveSettings, changeElsewhere: (loaded: LoadedSettings) => act(() => listener?.(loaded)) };
}

const radio = (value: string) => root.querySelector<HTMLInputElement>(`input[name="mode"][value="${value}"]`)!;
const button = (name: string) =>
  [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
const status = () => root.querySelector('[role="status"]')?.textContent ?? '';
const click = (element: HTMLElement | undefined) =>
  act(async () => {
    element?.click();
  }).then(flush);

const loaded = (settings: Settings, problems: LoadedSettings['problems'] = []): LoadedSettings => ({ settings, problems });

describe('Options', () => {
  it('shows the mode radios in a "Warnings" fieldset and saves a change at once', async () => {
    const { saved } = await open(loaded({ mode: 'warn', allowedSites: [] }));
    expect(root.querySelector('fieldset legend')?.textContent).toBe('Warnings');
    expect(radio('warn').checked).toBe(true);
    expect(root.querySelector('label[for="mode-warn"]')?.textContent).toBe('Warn me on purchase and download pages');
    expect(root.querySelector('label[for="mode-off"]')?.textContent).toBe('Off');
    expect(status()).toBe('');
    await act(async () => {
      radio('off').click();
    });
    await flush();
    expect(saved).toEqual([{ mode: 'off', allowedSites: [] }]);
    expect(radio('off').checked).toBe(true);
    expect(status()).toBe('Saved');
    expect(root.querySelector('[role="status"]')?.getAttribute('aria-live')).toBe('polite');
  });

  it('lists allowed sites with a named remove button each, and clears them all', async () => {
    const { saved } = await open(loaded({ mode: 'warn', allowedSites: ['a.example', 'b.example', 'c.example'] }));
    expect(button('Clear all')?.disabled).toBe(false);
    await click(button('Remove b.example'));
    expect(saved.at(-1)).toEqual({ mode: 'warn', allowedSites: ['a.example', 'c.example'] });
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Remove c.example');
    await click(button('Clear all'));
    expect(saved.at(-1)).toEqual({ mode: 'warn', allowedSites: [] });
    expect(root.textContent).toContain('No sites. Use “Don\'t warn me on this site” on a warning to add one.');
    expect(button('Clear all')?.disabled).toBe(true);
  });

  it('resets to the defaults only after an in-page confirmation', async () => {
    const { saved } = await open(loaded({ mode: 'off', allowedSites: ['a.example'] }));
    expect(button('Confirm reset')).toBeUndefined();
    await click(button('Reset to defaults'));
    expect(saved).toHaveLength(0);
    expect(document.activeElement?.textContent).toBe('Confirm reset');
    await click(button('Cancel'));
    expect(button('Confirm reset')).toBeUndefined();
    await click(button('Reset to defaults'));
    await click(button('Confirm reset'));
    expect(saved).toEqual([{ ...DEFAULT_SETTINGS, allowedSites: [] }]);
    expect(radio('warn').checked).toBe(true);
    expect(document.activeElement?.textContent).toBe('Reset to defaults');
  });

  it('shows problems in the stored settings, and hides them once valid settings are saved', async () => {
    await open(
      loaded({ mode: 'warn', allowedSites: [] }, [
        { path: 'mode', message: 'Invalid type' },
        { path: '', message: 'not an object' },
      ]),
    );
    const notice = root.querySelector('.notice')?.textContent ?? '';
    expect(notice).toContain('Some saved settings could not be read and were reset to their defaults:');
    expect(notice).toContain('mode: Invalid type');
    expect(notice).toContain('all settings: not an object');
    await act(async () => {
      radio('off').click();
    });
    await flush();
    expect(root.querySelector('.notice')).toBeNull();
  });

  it('never crashes when loading fails: defaults, with the problem shown', async () => {
    await open(new Error('storage unavailable'));
    expect(radio('warn').checked).toBe(true);
    expect(root.querySelector('.notice')?.textContent).toContain('storage unavailable');
  });

  it('follows changes made on another page', async () => {
    const { changeElsewhere } = await open(loaded({ mode: 'warn', allowedSites: [] }));
    await changeElsewhere(loaded({ mode: 'off', allowedSites: ['z.example'] }));
    expect(radio('off').checked).toBe(true);
    expect(button('Remove z.example')).toBeDefined();
  });

  it('says so when saving fails', async () => {
    await open(loaded({ mode: 'warn', allowedSites: [] }), true);
    await act(async () => {
      radio('off').click();
    });
    await flush();
    expect(status()).toBe('Could not save your settings: quota exceeded');
  });
});

describe('focusIndexAfterRemoval', () => {
  it('moves to the next row, the previous one at the end, or nowhere when the list empties', () => {
    expect(focusIndexAfterRemoval(0, 3)).toBe(0);
    expect(focusIndexAfterRemoval(2, 3)).toBe(1);
    expect(focusIndexAfterRemoval(0, 1)).toBeNull();
  });
});
