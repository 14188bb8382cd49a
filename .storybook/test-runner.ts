import { getStoryContext, waitForPageReady, type TestRunnerConfig } from '@storybook/test-runner';
import { getViolations, injectAxe } from 'axe-playwright';
import { toMatchImageSnapshot } from 'jest-image-snapshot';
import path from 'node:path';
import type { Page } from 'playwright-core';

/**
 * Every story, in real Chromium (Debian's), after its play function (run by the test-runner itself):
 *
 * - at each width of {@link WIDTHS}: no horizontal overflow (the page and the story root), no two
 *   main panels overlapping (elements marked `data-gl-panel`), zero axe violations, and a visual
 *   snapshot `<id>-<width>` compared with the committed baseline in test/__image_snapshots__;
 * - for a teaching story (one without the `gl-test` tag): a dark-mode snapshot `<id>-960-dark`
 *   (prefers-color-scheme: dark), and the embed test: its iframe URL, opened fresh as a slide would,
 *   runs no play function, shows the untouched state its `parameters.embed.untouched` describes, and
 *   the documented embed height fits at 960 and 1400 px without an inner scrollbar.
 *
 * `GL_SNAPSHOTS=0` skips the image comparison (work in progress); `-u` updates the baselines;
 * `GL_SNAPSHOT_DIR=dir` compares with (or writes to) another folder, for a trial run; `GL_WIDTHS=960`
 * checks one width only (a quick run while working).
 *
 * Snapshot tolerance: a pixel counts as different when its YIQ colour distance exceeds 0.1
 * (pixelmatch's threshold), and the story fails when more than 0.01 % of its pixels differ
 * (≈ 40 px of a 560 × 700 story), which absorbs anti-aliasing noise only.
 */

/** The widths every story is checked at: a phone, a 960-px slide, a desktop (`GL_WIDTHS=960` for a quick run). */
const WIDTHS: readonly number[] = process.env.GL_WIDTHS ? process.env.GL_WIDTHS.split(',').map(Number) : [390, 960, 1400];
/** Test stories (state after a play function) are also snapshotted at these widths only; teaching stories at all. */
const TEST_STORY_SNAPSHOT_WIDTHS: readonly number[] = [960];
const VIEWPORT_HEIGHT = 900;
const SNAPSHOTS = process.env.GL_SNAPSHOTS !== '0';

interface EmbedParameter {
  id: string;
  height: number;
  untouched: Record<string, string | null>;
}

/** A URL of the served gallery (TARGET_URL may end with a slash; `//iframe.html` would break its assets). */
const galleryUrl = (file: string) => `${(process.env.TARGET_URL ?? '').replace(/\/+$/, '')}/${file}`;

/** index.json's entries (their tags say which stories have a play function: `play-fn`). */
let indexPromise: Promise<Record<string, { tags?: string[]; type?: string }>> | null = null;
function storyIndex() {
  indexPromise ??= fetch(galleryUrl('index.json')).then(async (r) => (await r.json()).entries);
  return indexPromise;
}

/**
 * Two animation frames and the fonts: the layout after a resize or a colour-scheme change. (A page in
 * the background gets no animation frames: a 200 ms timer stands in.)
 */
async function settle(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const done = () => document.fonts.ready.then(() => resolve());
        const timer = setTimeout(done, 200);
        requestAnimationFrame(() => requestAnimationFrame(() => (clearTimeout(timer), done())));
      }),
  );
  // Work still in flight (a fit in the worker, a lazy chunk, a formula being typeset) marks
  // itself busy: wait for it, so that checks and snapshots see the settled state (15 s at most).
  await page
    .waitForFunction((busy) => !document.querySelector(busy), BUSY_SELECTOR, { timeout: 15_000, polling: 50 })
    .catch(() => undefined);
}

/** What an explainer marks while it is still working (see packages/ui/src/worker/FitProgress.tsx, Tex). */
const BUSY_SELECTOR = '#storybook-root [aria-busy="true"], #storybook-root .gl-progress[data-state="running"]';

/** Layout problems at the current width: horizontal overflow and overlapping panels. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const page = document.scrollingElement as HTMLElement;
    const root = document.querySelector('#storybook-root') as HTMLElement;
    const describe = (el: Element) =>
      el.getAttribute('data-gl-panel') || el.getAttribute('data-testid') || (el.getAttribute('class') || el.tagName).split(' ')[0];
    /** The element that sticks out furthest to the right, to name in the message. */
    const widest = () => {
      let best: Element | null = null;
      let right = root.getBoundingClientRect().right;
      for (const el of root.querySelectorAll('*')) {
        if (el.parentElement?.closest('svg')) continue; // inside an SVG, clipped by it
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > right + 0.5) {
          right = r.right;
          best = el;
        }
      }
      return best ? ` (widest: ${describe(best)}, ${Math.round(best.getBoundingClientRect().width)} px wide)` : '';
    };
    if (page.scrollWidth > page.clientWidth) problems.push(`page scrolls sideways: scrollWidth ${page.scrollWidth} > clientWidth ${page.clientWidth}${widest()}`);
    if (root && root.scrollWidth > root.clientWidth) problems.push(`story root overflows: scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}${widest()}`);
    const panels = Array.from(root?.querySelectorAll('[data-gl-panel]') ?? [])
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ el, r }) => r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden');
    for (let i = 0; i < panels.length; i++) {
      for (let j = i + 1; j < panels.length; j++) {
        const a = panels[i];
        const b = panels[j];
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        // Half a pixel of tolerance: adjacent panels share an edge after rounding.
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w > 0.5 && h > 0.5) problems.push(`panels overlap: ${describe(a.el)} and ${describe(b.el)} (${Math.round(w)} × ${Math.round(h)} px)`);
      }
    }
    return problems;
  });
}

async function snapshot(page: Page, identifier: string) {
  // Measured times (a fit's milliseconds) differ from run to run: mask them, as Chromatic's ignore regions do.
  const image = await page.locator('#storybook-root').screenshot({ animations: 'disabled', caret: 'hide', mask: [page.locator('[data-gl-timing]')] });
  expect(image).toMatchImageSnapshot({
    customSnapshotsDir: path.resolve(process.cwd(), process.env.GL_SNAPSHOT_DIR || 'test/__image_snapshots__'),
    customDiffDir: path.resolve(process.cwd(), 'test/__diff_output__'),
    customSnapshotIdentifier: identifier,
    customDiffConfig: { threshold: 0.1 },
    failureThreshold: 0.0001,
    failureThresholdType: 'percent',
  });
}

/** The embed test: the story's own URL in a fresh page, as an iframe in a slide would load it. */
async function embedProblems(page: Page, id: string, embed: EmbedParameter | undefined): Promise<string[]> {
  const problems: string[] = [];
  const documented = embed?.id === id;
  const embedPage = await page.context().newPage();
  await embedPage.bringToFront();
  const log: string[] = [];
  embedPage.on('console', (m) => log.push(`${m.type()}: ${m.text()}`));
  embedPage.on('pageerror', (e) => log.push(`pageerror: ${e.message}`));
  try {
    await embedPage.emulateMedia({ reducedMotion: 'reduce' });
    await embedPage.setViewportSize({ width: 960, height: documented ? embed!.height : VIEWPORT_HEIGHT });
    await embedPage.goto(galleryUrl(`iframe.html?id=${id}&viewMode=story`), { waitUntil: 'load' });
    // Polled by a timer, not by animation frames.
    try {
      await embedPage.waitForFunction(() => document.querySelector('#storybook-root > *') !== null, undefined, { timeout: 30_000, polling: 100 });
    } catch {
      const state = await embedPage.evaluate(() => `${location.href} | ${document.title} | ${document.body.className} | ${document.body.innerText.slice(0, 300)}`);
      return [`embed ${id}: did not render in 30 s: ${state}\n    ${log.slice(-8).join('\n    ')}`];
    }
    if (documented) await waitForPageReady(embedPage);
    await settle(embedPage);
    const hasPlay = await embedPage.evaluate(async (storyId) => {
      const preview = (globalThis as unknown as { __STORYBOOK_PREVIEW__: { storyStoreValue: { loadStory(o: { storyId: string }): Promise<{ playFunction?: unknown }> } } }).__STORYBOOK_PREVIEW__;
      return !!(await preview.storyStoreValue.loadStory({ storyId })).playFunction;
    }, id);
    if (hasPlay) problems.push(`embed ${id}: the teaching story has a play function, which runs in every embed`);
    if (await embedPage.locator('.gl-explainer[data-state="playing"]').count()) problems.push(`embed ${id}: the explainer is playing on load`);
    if (documented) {
      for (const [selector, want] of Object.entries(embed!.untouched)) {
        const found = embedPage.locator(`#storybook-root ${selector}`);
        const n = await found.count();
        if (want === null && n > 0) problems.push(`embed ${id}: "${selector}" is present: a test step ran?`);
        else if (want !== null && n === 0) problems.push(`embed ${id}: "${selector}" is missing: not the untouched state`);
        else if (want && !((await found.first().textContent()) ?? '').includes(want)) problems.push(`embed ${id}: "${selector}" does not say "${want}"`);
      }
      // The documented height fits: no inner scrollbar at a 960-px slide nor at 1400 px.
      for (const width of [960, 1400]) {
        await embedPage.setViewportSize({ width, height: embed!.height });
        await settle(embedPage);
        const needed = await embedPage.evaluate(() => document.scrollingElement!.scrollHeight);
        if (needed > embed!.height) problems.push(`embed ${id}: needs height ${needed} at ${width} px, the snippet gives ${embed!.height}`);
      }
    }
  } finally {
    await embedPage.close();
    await page.bringToFront();
  }
  return problems;
}

const config: TestRunnerConfig = {
  setup() {
    expect.extend({ toMatchImageSnapshot });
  },
  async preVisit(page) {
    // One page serves every story of a file: reset what the previous story's checks changed.
    await page.setViewportSize({ width: 960, height: VIEWPORT_HEIGHT });
    await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
    await injectAxe(page);
  },
  async postVisit(page, context) {
    const story = await getStoryContext(page, context);
    const isTest = story.tags.includes('gl-test');
    const entry = (await storyIndex())[context.id];
    const problems: string[] = [];
    if (!isTest && entry?.tags?.includes('play-fn')) problems.push('a teaching story has a play function: move it to a test story (tags TEST_TAGS)');
    const shots = story.parameters?.snapshot !== false && SNAPSHOTS;
    await waitForPageReady(page);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: VIEWPORT_HEIGHT });
      await settle(page);
      for (const p of await layoutProblems(page)) problems.push(`${width} px: ${p}`);
      const violations = await getViolations(page, '#storybook-root', story.parameters?.a11y?.options);
      for (const v of violations) problems.push(`${width} px: axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`);
      if (shots && (!isTest || TEST_STORY_SNAPSHOT_WIDTHS.includes(width))) {
        try {
          await snapshot(page, `${context.id}-${width}`);
        } catch (e) {
          problems.push(`${width} px: ${(e as Error).message.split('\n')[0]}`);
        }
      }
    }
    if (!isTest) {
      await page.setViewportSize({ width: 960, height: VIEWPORT_HEIGHT });
      await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'dark' });
      await settle(page);
      if (shots) {
        try {
          await snapshot(page, `${context.id}-960-dark`);
        } catch (e) {
          problems.push(`960 px dark: ${(e as Error).message.split('\n')[0]}`);
        }
      }
      await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
      problems.push(...(await embedProblems(page, context.id, story.parameters?.embed as EmbedParameter | undefined)));
    }
    if (problems.length) throw new Error(`${context.id}:\n  ${problems.join('\n  ')}`);
  },
};
export default config;
