// Jest config of the Storybook test-runner: Debian's Chromium, headless, no downloads.
import { getJestConfig } from '@storybook/test-runner';

const base = getJestConfig();
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** @type {import('@jest/types').Config.InitialOptions} */
export default {
  ...base,
  testTimeout: 60_000,
  testEnvironmentOptions: {
    'jest-playwright': {
      ...base.testEnvironmentOptions['jest-playwright'],
      browsers: ['chromium'],
      launchOptions: {
        executablePath: chromium,
        headless: true,
        args: [
          '--no-sandbox',
          '--headless',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--font-render-hinting=none',
          '--force-color-profile=srgb',
        ],
      },
      contextOptions: { viewport: { width: 1000, height: 800 }, deviceScaleFactor: 1, reducedMotion: 'reduce' },
    },
  },
};
