import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { WaveformFeatures } from '@geolearn/ui';
import { explainerParameters } from '../gallery';

const meta = {
  title: '7 Applications in seismology/Waveform features',
  component: WaveformFeatures,
  args: { width: 760, height: 520, seed: 0, onValueChange: fn() },
  parameters: explainerParameters('waveform-features', {
    try: 'Switch between LP, VT and TOR events and watch which features move most. Then switch the domain from temporal to spectral.',
    notice: 'An impulsive VT event has a high kurtosis and a fast attack; a tornillo\'s long monochromatic coda gives a narrow spectral bandwidth. A few features separate some classes well and others hardly at all.',
    think: 'Which three features would you keep to tell LP from VT events? How would you check that a classifier on them works on events it has not seen?',
    about: [
      'The hand-made features of the slides\' Table 1 (Malfante et al., 2018) for one synthetic volcano-seismic event of any of the six classes: long-period (LP, emergent, narrow band 0.5–5 Hz), tremor (TR, sustained and harmonic), volcano-tectonic (VT, impulsive, clear P and S), explosion (EXP, sharp onset and an air wave), hybrid (HYB, VT onset with an LP coda) and tornillo (TOR, a long monochromatic coda).',
      'The same 34 descriptors are computed on the samples s[i], on the magnitude spectrum |S(f)| and on the cepstrum c(q) = 𝓕⁻¹ log|S(f)|: length, mean μ, standard deviation σ, skewness and kurtosis; the index of central energy ī = Σᵢ i·Eᵢ / E and the RMS bandwidth Bᵢ = √(Σᵢ i²Eᵢ/E − ī²), with Eᵢ = s[i]² and E = Σᵢ Eᵢ; Shannon −Σⱼ p(sⱼ) log₂ p(sⱼ) and Rényi (1/(1−α)) log₂ Σⱼ p(sⱼ)^α entropies over 5, 30 and 500 bins; rates of attack and decay; min/mean, max/mean; energy descriptors; min, max and their indices, threshold-crossing rate and silence ratio.',
      'Each value is standardised, z = (x − μ)/σ, against a small seeded reference set (`referencePerClass` events per class); the chart column shows the event\'s z as a bar and the six class averages as ticks (its own class circled). The status names the nearest class average, ŷ = argmin_c ‖z − z̄_c‖: a nearest-centroid classifier on hand-made features.',
    ],
  }),
} satisfies Meta<typeof WaveformFeatures>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A long-period (LP) event and its 34 temporal features. */
export const Default: Story = {};

/** A tornillo: its long monochromatic coda. */
export const Tornillo: Story = { args: { defaultValue: { eventClass: 'TOR' } } };

/** An explosion: a sharp onset and an air wave. */
export const Explosion: Story = { args: { defaultValue: { eventClass: 'EXP', eventSeed: 2 } } };

/** Choose VT: the waveform turns impulsive, the table shows its 34 temporal features, the status names the nearest class. */
export const TestChooseVt: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const wave = canvas.getByTestId('event-waveform');
    await expect(wave).toHaveAttribute('data-class', 'LP');
    const kurtosisBefore = canvasElement.querySelector('tr[data-key="kurtosis"]')!.getAttribute('data-z');
    await userEvent.click(canvas.getByRole('radio', { name: /^VT/ }));
    await expect(wave).toHaveAttribute('data-class', 'VT');
    const table = canvas.getByTestId('feature-table');
    await expect(within(table).getAllByRole('row')).toHaveLength(35);
    await expect(within(table).getByRole('rowheader', { name: 'Shannon entropy (30 bins)' })).toBeInTheDocument();
    await expect(canvasElement.querySelector('tr[data-key="kurtosis"]')!.getAttribute('data-z')).not.toBe(kurtosisBefore);
    await expect(canvas.getByTestId('status')).toHaveTextContent(/^VT event, seed 0: nearest class average \(temporal features\) is (LP|TR|VT|EXP|HYB|TOR)/);
  },
};

/** The spectral domain from the keyboard: arrows move through the domain radios; the axis features are in Hz. */
export const TestSpectralDomain: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { eventClass: 'TOR' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const temporal = canvas.getByRole('radio', { name: 'Temporal' });
    temporal.focus();
    await userEvent.keyboard('{ArrowRight}');
    await expect(canvas.getByRole('radio', { name: 'Spectral' })).toBeChecked();
    const row = canvasElement.querySelector('tr[data-key="centralEnergyIndex"]')!;
    await expect(row).toHaveTextContent(/spectral.*Hz/);
    await expect(canvas.getByRole('region', { name: 'Spectral features of the event' })).toBeInTheDocument();
  },
};

/** A new event of the same class: the seed goes up and the waveform and values change. */
export const TestNewEvent: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  args: { defaultValue: { eventClass: 'EXP', eventSeed: 2 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const wave = canvas.getByTestId('event-waveform');
    const before = wave.querySelector('path')!.getAttribute('d');
    await userEvent.click(canvas.getByRole('button', { name: 'New event' }));
    await waitFor(() => expect(wave).toHaveAttribute('data-seed', '3'));
    await expect(wave.querySelector('path')!.getAttribute('d')).not.toBe(before);
    await expect(canvas.getByRole('spinbutton', { name: 'Event seed' })).toHaveValue(3);
  },
};
