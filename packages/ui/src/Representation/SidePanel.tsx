import { LineChart } from '../common/LineChart';
import { conceptColor } from '../common/colors';
import type { RepresentationModel } from './useRepresentation';

const pc = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '—' : `${Math.round(100 * v)} %`);

/** The accuracy of the linear model against t (a marker at the current t) and the accuracy in each representation. */
export function SidePanel({ model, width }: { model: RepresentationModel; width: number }) {
  const { curve, state, now, cart, polar } = model;
  return (
    <div className="gl-rep-side">
      <LineChart
        width={width}
        height={Math.round(Math.min(220, width * 0.62))}
        series={[{ label: 'linear model', color: conceptColor('train'), points: curve }]}
        xLabel="morph t (0 Cartesian → 1 polar)"
        yLabel="accuracy"
        xDomain={[0, 1]}
        yDomain={[0.4, 1.1]}
        markerX={state.t}
        markerLabel={`t = ${state.t.toFixed(2)}`}
        label={`Accuracy of the linear model against t: ${pc(cart?.accuracy)} at t = 0, ${pc(polar?.accuracy)} at t = 1.`}
        testId="accuracy-curve"
      />
      <table className="gl-rep-table" data-testid="accuracies">
        <caption>Linear model (logistic regression), training accuracy</caption>
        <tbody>
          <tr>
            <th scope="row">Cartesian (x₁, x₂)</th>
            <td data-testid="acc-cart">{pc(cart?.accuracy)}</td>
          </tr>
          <tr data-active="">
            <th scope="row">now, t = {state.t.toFixed(2)}</th>
            <td data-testid="acc-now">{pc(now?.accuracy)}</td>
          </tr>
          <tr>
            <th scope="row">Polar (r, θ)</th>
            <td data-testid="acc-polar">{pc(polar?.accuracy)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
