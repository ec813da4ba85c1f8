import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { t } from '@phuluc/rules';
import { loadingHtml } from './loading-html.js';
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

describe('the loading line of taskpane.html', () => {
  const html = readFileSync(
    join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'taskpane.html'),
    'utf8',
  );

  it('shows the catalogue’s loading text in both languages until the pane renders over it', () => {
    const built = html.replace('%PHULUC_LOADING%', loadingHtml());
    const doc = new DOMParser().parseFromString(built, 'text/html');
    const loading = doc.getElementById('root')?.querySelector('#phuluc-loading');
    expect(loading?.textContent).toBe(
      `${t('pane.loading', {}, 'vi')} ${t('pane.loading', {}, 'en')}`,
    );
    // Hidden by CSS alone after 4 s (then the "cannot run" notice shows) unless the script runs.
    expect(html).toMatch(/#phuluc-loading\s*{[^}]*animation:[^}]*4s/);
    dropUnsupportedNotice(doc);
    expect(doc.getElementById('phuluc-loading')?.classList.contains('phuluc-running')).toBe(true);
    expect(html).toMatch(/#phuluc-loading\.phuluc-running\s*{\s*animation:\s*none/);
  });
});
