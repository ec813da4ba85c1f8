import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dropUnsupportedNotice, officeHost } from './office-host.js';

describe('officeHost', () => {
  afterEach(() => vi.useRealTimers());

  it('waits for a slow Office.onReady: a host is a host after 30 s too', async () => {
    vi.useFakeTimers();
    const office = {
      onReady: () =>
        new Promise<{ host: unknown }>((resolve) =>
          setTimeout(() => resolve({ host: 'Excel' }), 30_000),
        ),
    };
    const host = officeHost(office);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(await host).toBe('Excel');
  });

  it('is null without Office.js, or when Office.js reports no host (a plain browser)', async () => {
    expect(await officeHost(undefined)).toBeNull();
    expect(await officeHost({ onReady: async () => ({ host: null }) })).toBeNull();
  });
});

describe('taskpane.html without JavaScript', () => {
  const html = readFileSync(
    join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'taskpane.html'),
    'utf8',
  );

  it('carries a plain-HTML message for webviews that cannot run the pane, removed once the script runs', () => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const notice = doc.getElementById('phuluc-unsupported');
    expect(notice?.textContent).toMatch(/Office 2019/);
    expect(notice?.textContent).toMatch(/cannot run/);
    // Shown by CSS alone (an animation delay), so a webview that never runs our script shows it.
    expect(html).toMatch(/#phuluc-unsupported\s*{[^}]*animation:[^}]*4s/);
    dropUnsupportedNotice(doc);
    expect(doc.getElementById('phuluc-unsupported')).toBeNull();
  });
});
