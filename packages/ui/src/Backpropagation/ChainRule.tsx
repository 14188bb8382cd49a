import { Tex } from '../common/Tex';
import { B1, B2, num, PARAM_TEX, W2 } from './model';
import type { BackpropModel } from './useBackpropagation';

/** The chain rule for the chosen parameter, symbolically and with the current numbers. */
export function ChainRule({ model }: { model: BackpropModel }) {
  const { state, forward: f, backward: b, theta, fd } = model;
  const k = state.selected;
  const p = PARAM_TEX[k];
  const n = (v: number) => `(${num(v, 4)})`;
  const head = String.raw`\frac{\partial\mathcal{L}}{\partial ${p}}=\frac{\partial\mathcal{L}}{\partial\hat{y}}\cdot\frac{\partial\hat{y}}{\partial z^{(2)}}\cdot`;
  let symbolic: string;
  let factors: number[];
  if (k >= W2(0)) {
    const j = k - W2(0);
    const last = k === B2 ? '1' : `h_{${j + 1}}`;
    symbolic = String.raw`${head}\frac{\partial z^{(2)}}{\partial ${p}}=(\hat{y}-y)\cdot\hat{y}(1-\hat{y})\cdot ${last}`;
    factors = [b.dLdy, b.dydz, k === B2 ? 1 : f.h[j]];
  } else {
    const j = k >= B1(0) ? k - B1(0) : Math.floor(k / 2);
    const i = k % 2;
    const last = k >= B1(0) ? '1' : `x_{${i + 1}}`;
    symbolic = String.raw`${head}\frac{\partial z^{(2)}}{\partial h_{${j + 1}}}\cdot\frac{\partial h_{${j + 1}}}{\partial z^{(1)}_{${j + 1}}}\cdot\frac{\partial z^{(1)}_{${j + 1}}}{\partial ${p}}=(\hat{y}-y)\cdot\hat{y}(1-\hat{y})\cdot w^{(2)}_{${j + 1}}\cdot h_{${j + 1}}(1-h_{${j + 1}})\cdot ${last}`;
    factors = [b.dLdy, b.dydz, theta[W2(j)], f.h[j] * (1 - f.h[j]), k >= B1(0) ? 1 : state.x[i]];
  }
  const numeric = String.raw`=${factors.map(n).join(String.raw`\cdot`)}=${num(b.grad[k], 6)}\;\approx\;\frac{\mathcal{L}(${p}+h)-\mathcal{L}(${p}-h)}{2h}=${num(fd, 6)}`;
  return (
    <>
      <Tex block>{symbolic}</Tex>
      <Tex block>{numeric}</Tex>
    </>
  );
}
