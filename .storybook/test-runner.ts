import { getStoryContext, waitForPageReady, type TestRunnerConfig } from '@storybook/test-runner';
import { checkA11y, injectAxe } from 'axe-playwright';
import { toMatchImageSnapshot } from 'jest-image-snapshot';
import path from 'node:path';

/**
 * Every story, in real Chromium: (a) its play function (run by the test-runner itself),
 * (b) axe, where any violation fails, and (c) a visual snapshot of the story root
 * compared with the committed baseline in test/__image_snapshots__.
 *
 * Snapshot tolerance: a pixel counts as different when its YIQ colour distance exceeds
 * 0.1 (pixelmatch's threshold), and the story fails when more than 0.01 % of its pixels
 * differ (≈ 40 px of a 560 × 700 story), which absorbs anti-aliasing noise only.
 */
const config: TestRunnerConfig = {
  setup() {
    expect.extend({ toMatchImageSnapshot });
  },
  async preVisit(page) {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await injectAxe(page);
  },
  async postVisit(page, context) {
    const story = await getStoryContext(page, context);
    await checkA11y(page, '#storybook-root', {
      detailedReport: true,
      detailedReportOptions: { html: true },
      axeOptions: story.parameters?.a11y?.options,
    });
    if (story.parameters?.snapshot === false) return;
    await waitForPageReady(page);
    await page.evaluate(() => document.fonts.ready);
    const image = await page.locator('#storybook-root').screenshot({ animations: 'disabled', caret: 'hide' });
    expect(image).toMatchImageSnapshot({
      customSnapshotsDir: path.resolve(process.cwd(), 'test/__image_snapshots__'),
      customDiffDir: path.resolve(process.cwd(), 'test/__diff_output__'),
      customSnapshotIdentifier: context.id,
      customDiffConfig: { threshold: 0.1 },
      failureThreshold: 0.0001,
      failureThresholdType: 'percent',
    });
  },
};
export default config;
