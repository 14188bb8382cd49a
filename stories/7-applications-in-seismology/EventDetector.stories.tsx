import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';
import { EventDetector } from '@geolearn/ui/seismic';
import { explainerParameters } from '../gallery';

const meta = {
  title: '7 Applications in seismology/Event detector',
  component: EventDetector,
  args: { width: 960, height: 900, onValueChange: fn() },
  parameters: explainerParameters('event-detector', {
    try: 'Move the current window (the slider, a click on the traces, or ← → on the plot) onto an event and watch the map. Then lower the SNR to −3 dB and compare the two rows of the score table. Finally press "Retrain with this λ" with λ = 10⁻⁶, then with λ = 0.1.',
    notice: 'At high SNR both methods find every event. Below about 5 dB both miss some: at the same false-alarm cost the network finds more of them than STA/LTA (whose ratio barely rises). The map is right about three times in four above 10 dB and often wrong below 0 dB; sector errors cluster at the sector edges.',
    think: 'The network never saw a real record. Which of its cues (S−P time, pulse width, polarisation) would survive a move to a region with another crust and noise? See the transfer-learning explainer.',
    about: [
      'ConvNetQuake (Perol, Gharbi & Denolle 2018) as in the slides: the features are a 3-component window x ∈ ℝ^{N×3} (10 s at 100 Hz, N = 1000), the target is the probability of "no event" (class 0) or of an event in one of six cells around the station (classes 1–6: two distance rings, 5–22 km and 35–50 km, times three 120° sectors of back-azimuth), and the loss is the cross-entropy with an L2 penalty, 𝓛 = −Σ_c q_c log p_c + λ‖w‖².',
      'The network is small (17 k weights, 68 kB): eight strided 1-D convolutions (stride 2, as ConvNetQuake\'s, 8 to 32 channels, ReLU) halve the time axis eight times (1000 → 4 samples, so that the last ones see about 5 s, P and S of a far event together), and a dense softmax gives the seven p_c. Each window is high-passed above 1 Hz and standardised first. The events of a cell share their fault\'s mechanism (S/P amplitude ratio, SH share), as ConvNetQuake\'s clusters did. It was trained by `pnpm train:detector` on 22,000 synthetic windows (SNR −5 to 20 dB) and slides here along the stream, one window a second, with TensorFlow.js in a Web Worker.',
      'On 1,500 held-out windows, with both thresholds set for precision 0.92 on separate calibration windows: the network\'s precision is 0.94 and recall 0.89 (STA/LTA: 0.94 and 0.81); below 5 dB it finds 74 % of the events against STA/LTA\'s 56 %; it puts 74 % of all events in the right cell: 93 % at 5 dB and above (97 % between 10 and 20 dB, ConvNetQuake reports 87 % on clustered real events), 32 % below 0 dB. The record\'s SNR is set by its largest swing, the S wave; measured on the P onset itself (the variance in the 2 s after P over the 2 s before), 368 of the 1,166 events stand 3 dB or more out of the noise, and the network finds all of them and puts 98 % in the right cell.',
      'p_event = 1 − p₀ above the threshold makes a detection; consecutive windows merge into one. STA/LTA is the classic ratio of the 0.5 s and 10 s means of the 1–15 Hz band-passed three-component energy, triggering on above its level and off below half of it. Both are scored the same way, window by window: a window is flagged when the method fires in it; an event is a hit when a window holding its P arrival is flagged; a flagged window of pure noise (no part of any event, from P to 10 s after S) is a false alarm. Drop a 3-component miniSEED or SAC file on the plot to scan a real record (resampled to 100 Hz; its first 10 minutes).',
      'λ: "Retrain with this λ" trains a fresh network on 160 windows for 8 epochs in the worker and plots its training loss and the cross-entropy on 120 held-out windows. With a tiny λ the held-out loss turns up while the training loss keeps falling (overfitting); with a large λ both stay high (the weights are crushed).',
    ],
  }),
} satisfies Meta<typeof EventDetector>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Three minutes, five events at 2 dB: the network against STA/LTA. */
export const Default: Story = {};

/** Loud events (15 dB): both methods find all of them; watch the map. */
export const LoudEvents: Story = { name: 'Loud events', args: { defaultValue: { snrDb: 15 } } };

/** Weak events (−3 dB): where the network's advantage lies. */
export const WeakEvents: Story = { name: 'Weak events', args: { defaultValue: { snrDb: -3, seed: 4 } } };

const scanned = async (canvasElement: HTMLElement) => {
  const canvas = within(canvasElement);
  await waitFor(() => expect(canvas.getByTestId('status')).toHaveAttribute('data-scanned', 'true'), { timeout: 60000 });
  return canvas;
};

/** The scan, the window moved by keys, the threshold raised, and a small λ retrain. */
export const TestScanAndRetrain: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { snrDb: 15 }, lambdaRun: { nTrain: 16, nTest: 16, epochs: 2 } },
  play: async ({ canvasElement, args }) => {
    const canvas = await scanned(canvasElement);
    await expect(canvas.getByTestId('status')).toHaveTextContent(/^Detector \(p_event ≥ 0\.50\): \d+ hits?, \d+ miss(es)?, \d+ of \d+ noise windows flagged\. STA\/LTA/);
    const plot = canvas.getByTestId('stream-window');
    plot.focus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight}');
    await expect(plot).toHaveAttribute('aria-valuenow', '26');
    await expect(args.onValueChange).toHaveBeenLastCalledWith(expect.objectContaining({ cursor: 26 }));
    fireEvent.change(canvas.getByRole('slider', { name: 'Detector threshold on p_event' }), { target: { value: '0.9' } });
    await expect(canvas.getByTestId('status')).toHaveTextContent(/p_event ≥ 0\.90/);
    await userEvent.click(canvas.getByTestId('retrain'));
    await waitFor(() => expect(canvas.getByTestId('lambda-runs')).toHaveTextContent(/held-out loss \d/), { timeout: 60000 });
  },
};
