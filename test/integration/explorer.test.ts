import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type BrowserContext } from 'playwright-core';
import { Purpose } from '../../src/auth/purpose.js';
import { EXPLORER_CSP } from '../../src/server/explorer/explorer.js';
import { PRINCIPALS } from '../helpers/principals.js';
import { startTestHub, type TestHub } from '../helpers/test-hub.js';

/** Debian's chromium (.ci/run installs it); playwright never downloads a browser here. */
const CHROMIUM = '/usr/bin/chromium';

let hub: TestHub;
let context: BrowserContext;
let profile: string;
beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  hub = await startTestHub({ enterprises: 3 });
  profile = mkdtempSync(join(tmpdir(), 'hub-explorer-'));
  // A fresh profile folder per run: nothing from an earlier run (tabs, storage) is reused.
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});
afterAll(async () => {
  await context?.close();
  await hub?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe('the offline explorer', () => {
  it('serves the page with a CSP that allows only the hub itself', async () => {
    const res = await fetch(`${hub.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(EXPLORER_CSP);
    const html = await res.text();
    expect(html).toContain('/explorer/graphiql.js');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });

  it('runs an example operation in a real browser with every other host blocked', async () => {
    const hubOrigin = new URL(hub.url).origin;
    const page = await context.newPage();
    const elsewhere: string[] = [];
    const fromHub: string[] = [];
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (new URL(url).origin === hubOrigin) {
        fromHub.push(new URL(url).pathname);
        await route.continue();
      } else {
        elsewhere.push(url);
        await route.abort('blockedbyclient');
      }
    });
    const token = (await hub.headersFor({ principal: PRINCIPALS.reader })).authorization!;
    await page.goto(`${hub.url}/graphql`);
    await page.locator('#hub-token').fill(token);
    await page.locator('#hub-purpose').selectOption(Purpose.CREDIT_ASSESSMENT);
    // The example operations of queries/ are the tabs; pick the small one.
    await page.locator('.graphiql-tab', { hasText: 'WhatMayIRead' }).click();
    // Wait until the tab's document is in the editor, so the run below is of that operation.
    await page.locator('.graphiql-tab-active', { hasText: 'WhatMayIRead' }).waitFor({ timeout: 60_000 });
    await page
      .locator('.graphiql-query-editor', { hasText: 'query WhatMayIRead' })
      .waitFor({ timeout: 60_000 });
    const result = page.locator('.result-window');
    // A click that lands while GraphiQL re-renders (e.g. when the schema arrives) can be
    // lost; a few bounded attempts keep the test about the answer, not the timing.
    for (let attempt = 1; ; attempt++) {
      await page.locator('.graphiql-execute-button').click();
      const shown = await result
        .getByText('"organisation"')
        .waitFor({ timeout: 20_000 })
        .then(() => true)
        .catch(() => false);
      if (shown) break;
      if (attempt === 3) throw new Error(`no result after 3 runs: ${await result.innerText()}`);
    }
    const text = await result.innerText();
    expect(text).toContain('"TEST_READER"');
    expect(text).toContain('"kind": "BANK"');
    if (process.env.EXPLORER_SCREENSHOT) await page.screenshot({ path: process.env.EXPLORER_SCREENSHOT });
    await page.close();

    expect(elsewhere).toEqual([]);
    expect(fromHub).toEqual(
      expect.arrayContaining(['/graphql', '/explorer/graphiql.js', '/explorer/graphiql.css']),
    );
  });
});
