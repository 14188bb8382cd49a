import { addons, type State } from 'storybook/manager-api';
import { geolearnTheme } from './theme';

/** Tab titles "GeoLearn · <explainer>": the last part of the current entry's title. */
function pageTitle(title: string | undefined): string {
  return title ? `GeoLearn · ${title.split('/').pop()}` : 'GeoLearn';
}

addons.setConfig({
  theme: geolearnTheme,
  sidebar: { showRoots: false },
  // The addon panel (controls, actions, interactions) is for developers: hidden when the gallery
  // opens, so a teaching story gets the whole width ("A" or the menu shows it). Test stories, hidden
  // from the sidebar, always show it: their interactions are the point.
  showPanel: false,
  layoutCustomisations: {
    showPanel(state: State, defaultValue: boolean) {
      const entry = state.storyId ? state.index?.[state.storyId] : undefined;
      const isTest = !!entry && 'tags' in entry && !!entry.tags?.includes('gl-test');
      return isTest && state.viewMode === 'story' ? true : defaultValue;
    },
  },
});

// Storybook writes "<story> - <component> ⋅ Storybook" into the tab; the gallery says what it is.
addons.register('geolearn/title', (api) => {
  const apply = () => {
    const wanted = pageTitle(api.getCurrentStoryData()?.title);
    if (document.title !== wanted) document.title = wanted;
  };
  const head = document.querySelector('head');
  if (head) new MutationObserver(apply).observe(head, { subtree: true, childList: true, characterData: true });
  apply();
});
