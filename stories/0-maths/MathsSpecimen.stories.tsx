import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, waitFor } from 'storybook/test';
import { Tex } from '@geolearn/ui';
// The list lives beside the typesetter (not exported from the package): the Tex tests read it too.
import { MATHS_SPECIMEN } from '../../packages/ui/src/math/specimen';

/**
 * Every formula the gallery shows, typeset by `<Tex>` (Temml → MathML Core, with the shipped
 * Noto Sans Math), one per row: a visual check of bold vectors, ℝ, 𝓛, stretched delimiters,
 * limits, hats and primes. The story runner snapshots it at each width like any teaching story.
 */
function MathsSpecimen() {
  return (
    <table className="gl-maths-specimen" style={{ width: '100%', tableLayout: 'fixed', borderCollapse: 'collapse' }}>
      <caption style={{ textAlign: 'left', paddingBottom: 8 }}>Every formula of the gallery, as the explainers typeset it.</caption>
      <colgroup>
        <col style={{ width: '11em' }} />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col" style={{ textAlign: 'left' }}>Where</th>
          <th scope="col" style={{ textAlign: 'left' }}>Formula</th>
        </tr>
      </thead>
      <tbody>
        {MATHS_SPECIMEN.map(({ label, tex, block }) => (
          <tr key={label} style={{ borderTop: '1px solid var(--gl-border, #d0d7de)' }}>
            <th scope="row" style={{ textAlign: 'left', fontWeight: 'normal', fontSize: '0.85em', padding: '4px 8px 4px 0' }}>{label}</th>
            <td style={{ padding: '4px 0', minWidth: 0 }}>{block ? <Tex block>{tex}</Tex> : <span>Inline: <Tex>{tex}</Tex>, in a sentence.</span>}</td>
          </tr>
        ))}
        <tr style={{ borderTop: '1px solid var(--gl-border, #d0d7de)' }}>
          <th scope="row" style={{ textAlign: 'left', fontWeight: 'normal', fontSize: '0.85em', padding: '4px 8px 4px 0' }}>Colour linking (\term)</th>
          <td style={{ padding: '4px 0' }}>
            <Tex block terms={{ eta: 'var(--gl-opt-gd, #0969da)', loss: 'var(--gl-opt-momentum, #bc4c00)' }}>
              {String.raw`\theta\leftarrow\theta-\term{eta}{\eta}\,\nabla\term{loss}{\mathcal{L}}(\theta)`}
            </Tex>
          </td>
        </tr>
      </tbody>
    </table>
  );
}

const meta = {
  title: 'Reference/Maths specimen',
  component: MathsSpecimen,
  parameters: { layout: 'padded' },
} satisfies Meta<typeof MathsSpecimen>;
export default meta;
type Story = StoryObj<typeof meta>;

/** All the gallery's formulas, label and rendering side by side. */
export const Specimen: Story = {};

/**
 * Every formula typesets in the browser: one `<math>` per specimen row (two for the colour-linking
 * row's parts counted once), no Temml error, nothing still loading, and the colour-linked terms carry
 * their classes. Same picture as the teaching story, which is already snapshot-tested.
 */
export const TestEveryFormulaTypesets: Story = {
  tags: ['!dev', '!autodocs', 'test', 'gl-test'],
  parameters: { snapshot: false },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(canvasElement.querySelector('[aria-busy="true"]')).toBeNull());
    const maths = canvasElement.querySelectorAll('.gl-tex math');
    await expect(maths.length).toBe(MATHS_SPECIMEN.length + 1);
    await expect(canvasElement.querySelector('.temml-error')).toBeNull();
    await expect(canvasElement.querySelector('.gl-term-eta')).not.toBeNull();
    await expect(canvasElement.querySelector('.gl-term-loss')).not.toBeNull();
  },
};
