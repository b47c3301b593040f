// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import type { ScanStatus } from '../../../src/core/policy/scan-all-sites.ts';
import type { ScanView } from '../../../src/platform/scanning.ts';
import { ScanPanel, type ScanControls } from '../../../src/ui/options/ScanPanel.tsx';
import { ScanRequest } from '../../../src/ui/popup/ScanRequest.tsx';
import { i18n, t } from './i18n-stub.ts';
import { useRenderRoot } from './render-root.ts';

const root = useRenderRoot();

const flush = () =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

const view = (status: ScanStatus): ScanView => ({ status, active: status === 'on' || status === 'locked-on' });

/** Controls over a fake browser: `grant` is the user's answer to the permission dialog. */
function fakeControls(start: ScanStatus, grant = true) {
  let status = start;
  const calls: string[] = [];
  let changed: (() => void) | null = null;
  const controls: ScanControls = {
    read: async () => view(status),
    turnOn: () => {
      // Recorded synchronously: the browser's dialog needs the call inside the click.
      calls.push('request');
      return Promise.resolve().then(() => {
        if (grant) status = status === 'org-asks' ? 'locked-on' : 'on';
        return { granted: grant, view: view(status) };
      });
    },
    turnOff: async () => {
      calls.push('remove');
      status = 'off';
      return view(status);
    },
    onChange: (callback) => {
      changed = callback;
      return () => {
        changed = null;
      };
    },
  };
  return {
    controls,
    calls,
    /** The permission changed elsewhere (the browser's own settings). */
    external: async (next: ScanStatus) => {
      status = next;
      changed?.();
      await flush();
    },
  };
}

async function mount(controls: ScanControls) {
  await act(() => render(<ScanPanel i18n={i18n} controls={controls} />, root.current));
  await flush();
}

const toggle = () => root.current.querySelector<HTMLInputElement>('input[role="switch"]');
const statusText = () => root.current.querySelector('[role="status"]')?.textContent ?? '';

describe('the options panel for checking every site', () => {
  it('is a labelled switch, off by default, explaining the permission and that nothing leaves the browser', async () => {
    await mount(fakeControls('off').controls);
    const input = toggle();
    expect(input?.type).toBe('checkbox');
    expect(input?.checked).toBe(false);
    expect(input?.disabled).toBe(false);
    expect(root.current.querySelector(`label[for="${input?.id}"]`)?.textContent).toBe(t('options_scan_switch'));
    expect(input?.getAttribute('aria-describedby')).toBe('scan-explain scan-privacy');
    expect(root.current.textContent).toContain(t('options_scan_privacy'));
  });

  it('asks the browser inside the click, then shows what the browser granted', async () => {
    const fake = fakeControls('off');
    await mount(fake.controls);
    act(() => toggle()?.click());
    expect(fake.calls).toEqual(['request']); // before any await
    await flush();
    expect(toggle()?.checked).toBe(true);
    expect(statusText()).toBe(t('options_scan_turned_on'));

    act(() => toggle()?.click());
    await flush();
    expect(fake.calls).toEqual(['request', 'remove']);
    expect(toggle()?.checked).toBe(false);
    expect(statusText()).toBe(t('options_scan_turned_off'));
  });

  it("stays off, and says why, when the user refuses the browser's dialog", async () => {
    await mount(fakeControls('off', false).controls);
    act(() => toggle()?.click());
    await flush();
    expect(toggle()?.checked).toBe(false);
    expect(statusText()).toBe(t('options_scan_refused'));
  });

  it('shows the feature as off when the permission is taken back elsewhere', async () => {
    const fake = fakeControls('on');
    await mount(fake.controls);
    expect(toggle()?.checked).toBe(true);
    await fake.external('off');
    expect(toggle()?.checked).toBe(false);
  });

  it('is locked when the organisation decides', async () => {
    await mount(fakeControls('locked-off').controls);
    expect(toggle()?.disabled).toBe(true);
    expect(toggle()?.checked).toBe(false);
    expect(root.current.textContent).toContain(t('options_locked'));
    expect(root.current.textContent).toContain(t('options_scan_locked_off'));
    render(null, root.current);

    await mount(fakeControls('locked-on').controls);
    expect(toggle()?.disabled).toBe(true);
    expect(toggle()?.checked).toBe(true);
    expect(root.current.textContent).toContain(t('options_scan_locked_on'));
  });

  it("shows the organisation's request with a button instead of the switch, and locks it on once allowed", async () => {
    const fake = fakeControls('org-asks');
    await mount(fake.controls);
    expect(toggle()).toBeNull();
    expect(root.current.textContent).toContain(t('scan_org_asks'));
    const button = [...root.current.querySelectorAll('button')].find((b) => b.textContent === t('scan_allow'));
    act(() => button?.click());
    expect(fake.calls).toEqual(['request']);
    await flush();
    expect(toggle()?.checked).toBe(true);
    expect(toggle()?.disabled).toBe(true);
  });
});

describe("the popup's request", () => {
  it('appears only while the organisation asks and the user has not allowed it', async () => {
    for (const status of ['off', 'on', 'locked-off', 'locked-on'] as const) {
      await act(() => render(<ScanRequest i18n={i18n} controls={fakeControls(status).controls} />, root.current));
      await flush();
      expect(root.current.textContent, status).toBe('');
      render(null, root.current);
    }
    const fake = fakeControls('org-asks');
    await act(() => render(<ScanRequest i18n={i18n} controls={fake.controls} />, root.current));
    await flush();
    expect(root.current.textContent).toContain(t('scan_org_asks'));
    act(() => root.current.querySelector('button')?.click());
    expect(fake.calls).toEqual(['request']);
    await flush();
    expect(root.current.textContent).toBe('');
  });
});
