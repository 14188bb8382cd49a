import type { Preview } from '@storybook/react-vite';
import '@fontsource/inter/400.css';
import '@fontsource/inter/600.css';
import '@fontsource/noto-sans-math/400.css';
import './gallery.css';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    options: {
      storySort: { order: ['Introduction', '1 Introduction', '2 Learning', '3 Regression', '4 Classification', '5 Neural networks', '6 Deep learning', '7 Seismology', '8 Unsupervised'] },
    },
  },
  tags: ['autodocs'],
};
export default preview;
