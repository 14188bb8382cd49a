import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { syntheticSeismogram } from '@geolearn/algorithms/seismic';
import { Seismogram, type SeismogramTrace } from '@geolearn/ui';

/**
 * Play tests of the Seismogram defects of issue 13 (the explainer's teaching stories and its other
 * test stories are in Seismogram.stories.tsx). Every story here is a hidden test story: no sidebar
 * entry, no docs page (the meta's tags), run by the story runner.
 */
const meta = {
  title: '7 Applications in seismology/Seismogram defect checks',
  component: Seismogram,
  tags: ['!autodocs', '!dev'],
  args: { width: 720, height: 380, seed: 0 },
} satisfies Meta<typeof Seismogram>;
export default meta;
type Story = StoryObj<typeof meta>;

const windowOf = (el: Element) => [Number(el.getAttribute('data-start')), Number(el.getAttribute('data-end'))];

let hour: { traces: SeismogramTrace[]; arrivals: { P: number; S: number } } | null = null;
/** The one-hour record: a local event 1,700 s in, at 100 Hz (the same record as the performance story). */
function oneHour() {
  if (!hour) {
    const rec = syntheticSeismogram({ duration: 3600, originTime: 1700, distance: 60, snr: 40, codaDecay: 8, randomState: 3 });
    hour = { traces: (['Z', 'N', 'E'] as const).map((c) => ({ label: c, samples: rec.traces[c] })), arrivals: { P: rec.pArrival, S: rec.sArrival } };
  }
  return hour;
}

/**
 * On the one-hour record, "Pick P by STA/LTA" lands on the arrival (not in the warm-up transient at
 * 10.76 s, 1,699 s early), the view moves to the pick, and the STA/LTA ratio is shown with its
 * trigger threshold and the skipped warm-up window.
 */
export const TestOneHourStaLta: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  name: 'One hour: STA/LTA past the warm-up, view to the pick, ratio trace',
  parameters: { snapshot: false },
  render: (args) => {
    const { traces, arrivals } = oneHour();
    return <Seismogram {...args} traces={traces} sampleRate={100} arrivals={arrivals} label="One hour at 100 Hz" />;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const slider = canvas.getByRole('slider', { name: /Time window/ });
    await expect(windowOf(slider)).toEqual([0, 3600]);
    await userEvent.click(canvas.getByRole('button', { name: 'Pick P by STA/LTA' }));
    const status = canvas.getByTestId('status');
    await waitFor(() => expect(status).toHaveTextContent(/P picked at/), { timeout: 15_000 });
    const pick = Number(status.getAttribute('data-pick-p'));
    const truth = oneHour().arrivals.P;
    await expect(pick).toBeGreaterThan(100);
    await expect(Math.abs(pick - truth)).toBeLessThan(3);
    // The view follows the pick: a window around it, not the whole hour.
    await waitFor(() => {
      const [s, e] = windowOf(slider);
      expect(s).toBeLessThanOrEqual(pick);
      expect(e).toBeGreaterThanOrEqual(pick);
      expect(e - s).toBeLessThan(600);
    });
    await expect(canvasElement.querySelector('[data-marker="pP"]')).not.toBeNull();
    // The ratio trace with its threshold line and the shaded warm-up.
    const ratioToggle = canvas.getByRole('button', { name: 'STA/LTA trace' });
    if (ratioToggle.getAttribute('aria-pressed') !== 'true') await userEvent.click(ratioToggle);
    const track = await canvas.findByTestId('ratio-track', undefined, { timeout: 10_000 });
    await expect(Number(track.getAttribute('data-threshold'))).toBeGreaterThan(1);
    await expect(canvas.getByTestId('threshold')).toBeInTheDocument();
    await expect(track).toHaveTextContent(/trigger: STA\/LTA > \d/);
    await userEvent.click(canvas.getByRole('button', { name: 'Whole record' }));
    await waitFor(() => expect(canvas.getByTestId('warm-up')).toBeInTheDocument());
  },
};

/**
 * An amplitude axis with units on every track, a band-pass control (Butterworth, zero phase: the
 * caption says the onsets do not move) with its corner frequencies, and the spectrogram on the same
 * time axis as the traces (its frame spans exactly the traces' frames).
 */
export const TestAxesFilterSpectrogram: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  name: 'Amplitude axes, band-pass and aligned spectrogram',
  args: { showSpectrogram: true, height: 460 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const j of [0, 1, 2]) await expect(canvas.getByTestId(`amplitude-axis-${j}`).querySelectorAll('.gl-seis-amp').length).toBeGreaterThanOrEqual(1);
    await expect(canvasElement.querySelector('.gl-seis-units')).toHaveTextContent(/amplitude/);
    await expect(canvasElement.querySelector('.gl-seis-svg')).toHaveAccessibleName(/amplitude in \S+/);
    // Band-pass: off, the corners are disabled; on, they can be set.
    const bandpass = canvas.getByRole('button', { name: 'Band-pass' });
    const low = canvas.getByRole('textbox', { name: 'Low corner (Hz)' });
    const high = canvas.getByRole('textbox', { name: 'High corner (Hz)' });
    if (bandpass.getAttribute('aria-pressed') !== 'true') {
      await expect(low).toBeDisabled();
      await userEvent.click(bandpass);
    }
    await expect(canvas.getByRole('button', { name: 'Band-pass' })).toHaveAttribute('aria-pressed', 'true');
    await expect(low).toBeEnabled();
    await userEvent.clear(high);
    await userEvent.type(high, '8');
    await waitFor(() => expect(high).toHaveValue('8'));
    await expect(canvasElement.querySelector('.gl-caption')).toHaveTextContent(/forwards and backwards, so the onsets do not move/);
    // The spectrogram's frame: same left edge and width as every trace's frame.
    const frames = Array.from(canvasElement.querySelectorAll('.gl-seis-svg rect.gl-seis-frame'));
    await expect(frames.length).toBeGreaterThanOrEqual(4);
    const boxes = frames.map((f) => f.getBoundingClientRect());
    for (const b of boxes) {
      await expect(Math.abs(b.left - boxes[0].left)).toBeLessThan(0.5);
      await expect(Math.abs(b.width - boxes[0].width)).toBeLessThan(0.5);
    }
    await expect(canvasElement.querySelector('.gl-caption')).toHaveTextContent(/same time axis/);
  },
};

/** Exercise mode: the true arrivals stay hidden (not drawn, not described) until the student has picked that phase. */
export const TestExercise: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  name: 'Exercise mode hides the truth until picked',
  args: { exercise: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const status = canvas.getByTestId('status');
    await expect(status).toHaveTextContent(/^Exercise: pick P and S yourself/);
    await expect(canvasElement.querySelector('[data-marker="tP"], [data-marker="tS"]')).toBeNull();
    await expect(canvasElement.querySelector('.gl-seis-svg')).toHaveAccessibleName(/true arrivals hidden until you pick/);
    await userEvent.click(canvas.getByRole('button', { name: 'Pick P by STA/LTA' }));
    await waitFor(() => expect(status).toHaveTextContent(/P picked at [\d.]+ s, [+−][\d.]+ s from the true arrival/), { timeout: 10_000 });
    await userEvent.click(canvas.getByRole('button', { name: 'Whole record' }));
    await waitFor(() => expect(canvasElement.querySelector('[data-marker="tP"]')).not.toBeNull());
    // S is still hidden: not picked yet.
    await expect(canvasElement.querySelector('[data-marker="tS"]')).toBeNull();
  },
};
