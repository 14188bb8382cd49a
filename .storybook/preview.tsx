/// <reference types="vite/client" />
import type { Preview } from '@storybook/react-vite';
import { Controls, Description, Heading, Markdown, Primary, Stories, Title, useOf } from '@storybook/addon-docs/blocks';
import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
import '@fontsource/noto-sans-math/400.css';
import galleryCss from './gallery.css?inline';
import { preloadMath } from '@geolearn/ui';

// The gallery's page CSS goes in one <style id="gl-gallery-css">, so the story runner can remove it and
// check that the components' own CSS (focus rings included) stands alone.
if (typeof document !== 'undefined' && !document.getElementById('gl-gallery-css')) {
  const style = document.createElement('style');
  style.id = 'gl-gallery-css';
  style.textContent = galleryCss;
  document.head.prepend(style);
}

/** The maths and the embed snippet of an explainer (`parameters.docs.about`, Markdown), after the explainer. */
function About() {
  const resolved = useOf('meta');
  const about = resolved.type === 'meta' ? (resolved.preparedMeta.parameters?.docs?.about as string | undefined) : undefined;
  return about ? <Markdown>{about}</Markdown> : null;
}

/** Every explainer's docs page: the teaching text first, then the explainer, its maths and embed snippet, other states, and the props last. */
function DocsPage() {
  return (
    <>
      <Title />
      <Description />
      <Primary />
      <About />
      <Stories title="More states to explore" includePrimary={false} />
      <Heading>Props</Heading>
      <Controls />
    </>
  );
}

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    docs: { page: DocsPage },
    options: {
      // Course order; within a chapter, teaching order. (Read statically by Storybook: keep it a literal.)
      storySort: {
        order: [
          'Introduction',
          '1 Introduction',
          ['Spot the seismogram'],
          '2 Definitions',
          ['Data, model and loss'],
          '3 Regression',
          ['Search comparison', 'Loss landscape', 'Learning rate', 'Batch size', 'Overfitting'],
          '4 Classification',
          '5 Multilayer perceptrons',
          ['Neuron', 'XOR', 'Playground', 'Digit drawing pad'],
          '6 Convolutional networks',
          ['Convolution', 'Pooling and stride', 'Parameter count', 'Feature maps'],
          '7 Applications in seismology',
          ['Seismogram', 'Waveform features'],
          '8 Unsupervised learning',
          ['k-means step by step'],
          'Reference',
          ['Theming and embedding', '*'],
          '*',
        ],
      },
    },
  },
  // The tab of an embedded story says what it is: "GeoLearn · Loss landscape".
  beforeEach: ({ title, viewMode }) => {
    if (viewMode === 'story') document.title = `GeoLearn · ${title.split('/').pop()}`;
  },
  tags: ['autodocs'],
  // The maths typesetter is a lazy chunk; load it before a story renders, so that first paint
  // (and every snapshot) shows typeset formulas, never their TeX source.
  loaders: [async () => {
    await preloadMath();
    return {};
  }],
};
export default preview;
