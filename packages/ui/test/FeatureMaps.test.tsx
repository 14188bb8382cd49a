import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { EnlargedMap, type MapChoice } from '../src/FeatureMaps/EnlargedMap';
import { caution, filtersOf, slideLayerList, SLIDE_LAYERS, titledLayers, type ActivationLayer } from '../src/FeatureMaps/layers';
import { LayerMaps } from '../src/FeatureMaps/LayerMaps';

afterEach(cleanup);

const conv1: ActivationLayer = { title: 'Convolution layer 1', type: 'conv2d', shape: [4, 4, 3], data: Float32Array.from({ length: 48 }, (_, i) => (i % 7) - 3) };
const output: ActivationLayer = { title: 'Output layer', type: 'dense', shape: [10], data: Float32Array.from({ length: 10 }, (_, d) => (d === 7 ? 0.91 : 0.01)) };
const filters = filtersOf({ shape: [2, 2, 1, 3], data: Float32Array.from({ length: 12 }, (_, i) => i - 6) });

describe('FeatureMaps parts (issue 13 defects)', () => {
  it('lists the slides’ 8 layers, marking the one this CNN lacks', () => {
    const titles = titledLayers([
      { name: 'in', type: 'input', shape: [28, 28, 1], data: new Float32Array(784) },
      { name: 'c1', type: 'conv2d', shape: [24, 24, 16], data: new Float32Array(1) },
      { name: 'p1', type: 'maxPool2d', shape: [12, 12, 16], data: new Float32Array(1) },
      { name: 'c2', type: 'conv2d', shape: [8, 8, 32], data: new Float32Array(1) },
      { name: 'p2', type: 'maxPool2d', shape: [4, 4, 32], data: new Float32Array(1) },
      { name: 'f', type: 'flatten', shape: [512], data: new Float32Array(1) },
      { name: 'd1', type: 'dense', shape: [128], data: new Float32Array(1) },
      { name: 'do', type: 'dropout', shape: [128], data: new Float32Array(1) },
      { name: 'd2', type: 'dense', shape: [10], data: new Float32Array(1) },
    ]).map((l) => l.title);
    const list = slideLayerList(titles);
    expect(SLIDE_LAYERS).toHaveLength(8);
    expect(list.map((l) => l.title)).toContain('Fully-connected layer 2');
    expect(list.filter((l) => !l.present).map((l) => l.title)).toEqual(['Fully-connected layer 2']);
  });

  it('labels the output layer’s 10 cells with their digits', () => {
    render(<LayerMaps layer={output} width={400} />);
    for (let d = 0; d < 10; d++) expect(screen.getByTestId(`output-digit-${d}`).textContent).toBe(String(d));
    expect(screen.getByRole('img', { name: /Output layer: 10 units.*most likely 7/ })).toBeTruthy();
  });

  it('puts filter k right above map k, on one shared diverging scale with its key', () => {
    render(<LayerMaps layer={conv1} width={400} filters={filters} />);
    const cells = document.querySelectorAll('.gl-fm-map');
    expect(cells).toHaveLength(3);
    cells.forEach((cell, k) => {
      expect(cell.getAttribute('data-k')).toBe(String(k + 1));
      expect(cell.querySelectorAll('.gl-heatmap')).toHaveLength(2);
    });
    expect(document.querySelectorAll('.gl-heatmap[data-kind="diverging"]').length).toBe(6);
    expect(document.querySelector('.gl-color-legend[data-kind="diverging"]')).toBeTruthy();
  });

  it('enlarges a clicked map and steps through the layer’s maps', () => {
    function Harness() {
      const [choice, setChoice] = useState<MapChoice | null>(null);
      return (
        <>
          <LayerMaps layer={conv1} width={400} filters={filters} onEnlarge={(title, k) => setChoice({ title, k })} selected={choice?.k} />
          {choice && <EnlargedMap layers={[conv1]} choice={choice} filters={filters} size={200} onChoose={setChoice} />}
        </>
      );
    }
    render(<Harness />);
    fireEvent.click(document.querySelectorAll('.gl-fm-map')[1]);
    expect(screen.getByTestId('enlarged-map').getAttribute('data-k')).toBe('2');
    fireEvent.click(screen.getByRole('button', { name: 'Next map' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next map' }));
    expect(screen.getByTestId('enlarged-map').getAttribute('data-k')).toBe('1');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByTestId('enlarged-map')).toBeNull();
  });

  it('cautions when the top probability is below 0.6', () => {
    expect(caution(0.55)).toMatch(/is this a digit\?/);
    expect(caution(0.95)).toBe('');
  });
});
