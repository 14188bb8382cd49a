/**
 * Every formula the gallery shows, with sample values where an explainer interpolates live
 * numbers. The "Reference/Maths specimen" story renders them all (and is snapshot-tested),
 * and the Tex tests check that each one typesets without an error. Keep in step with
 * `grep -rn "<Tex" packages/ui/src`.
 */

/** One formula of the specimen. */
export interface SpecimenFormula {
  /** Where the gallery shows it (explainer · what). */
  label: string;
  /** The TeX source, as the explainer passes it to `<Tex>`. */
  tex: string;
  /** Display (block) mode, as in the explainer. */
  block: boolean;
}

const f = (label: string, tex: string, block = true): SpecimenFormula => ({ label, tex, block });

/** The formulas, grouped by explainer in teaching order. */
export const MATHS_SPECIMEN: readonly SpecimenFormula[] = [
  f('DataModelLoss · data (inline)', String.raw`\mathcal{D}=\{(x_i,y_i)\}_{i=1}^{N}`, false),
  f('DataModelLoss · model (inline)', String.raw`f_\theta(x)=a\,x+b,\ \theta=(a,b)`, false),
  f('DataModelLoss · loss', String.raw`\mathcal{L}(\theta)=\frac{1}{N}\sum_{i=1}^{N}\bigl(f_\theta(x_i)-y_i\bigr)^2`),
  f('DataModelLoss · argmin', String.raw`\theta^*=\operatorname{argmin}_\theta\,\mathcal{L}(\theta)`),
  f('LossLandscape · MSE', String.raw`\mathcal{L}(a,b)=\frac{1}{n}\sum_{i=1}^{n}\bigl(y_i-(a\,x_i+b)\bigr)^2`),
  f('LossLandscape · test function', String.raw`\mathcal{L}(\theta_1,\theta_2)\ \text{(Rosenbrock)}`),
  f('LossLandscape · update', String.raw`\theta \leftarrow \theta-\eta\,\nabla_\theta\mathcal{L}(\theta),\qquad \theta^*=\arg\min_\theta \mathcal{L}(\theta)`),
  f('SearchComparison · loss', String.raw`\mathcal{L}(a,b)=\frac{1}{N}\sum_{i=1}^{N}\bigl(a\,x_i+b-y_i\bigr)^2,\qquad \theta^*=\operatorname{argmin}_\theta\mathcal{L}(\theta)`),
  f('SearchComparison · cost', String.raw`\text{grid: } k^d \text{ evaluations}\qquad \text{gradient descent: } \theta\leftarrow\theta-\eta\nabla\mathcal{L}(\theta)`),
  f('LearningRateExplorer · update', String.raw`\theta \leftarrow \theta-\eta\,\nabla\mathcal{L}(\theta)`),
  f('LearningRateExplorer · 1-D', String.raw`\mathcal{L}(\theta)=\tfrac{1}{2}L\theta^2:\ \ \theta_{t+1}=(1-\eta L)\,\theta_t,\ \ \text{stable iff } \eta<\tfrac{2}{L}=0.5`),
  f('LearningRateExplorer · 2-D', String.raw`\mathcal{L}(\theta)=\tfrac{1}{2}\theta^\top H\theta,\ L=\lambda_{\max}(H)=4:\ \ \text{stable iff } \eta<\tfrac{2}{L}=0.5`),
  f('BatchSizeExplorer · gradient', String.raw`\text{full batch: } \frac{\partial\mathcal{L}}{\partial\theta}=\frac{1}{N}\sum_{i=1}^{N}\frac{\partial\mathcal{L}^{(i)}}{\partial\theta}\qquad \text{mini-batch } \mathcal{B}: \ \frac{1}{B}\sum_{i\in\mathcal{B}}\frac{\partial\mathcal{L}^{(i)}}{\partial\theta}`),
  f('BatchSizeExplorer · step cost', String.raw`\theta \leftarrow \theta-\eta\,\widehat{\nabla\mathcal{L}}(\theta),\quad \text{time per step } = c_0 + B\,c_1 = 2 + B\cdot0.05\ \text{ms}`),
  f('OverfittingExplorer · model', String.raw`f_\theta(x)=\theta_0+\theta_1x+\dots+\theta_d x^d,\qquad d=9`),
  f('OverfittingExplorer · penalised loss', String.raw`\mathcal{L}_{\mathcal{R}}=\mathcal{L}+\lambda\mathcal{R}=\frac{1}{m}\sum_{i=1}^{m}\bigl(f_\theta(x_i)-y_i\bigr)^2+\lambda\,\|\theta\|^2=0.012+0.0034`),
  f('Neuron · weighted sum', String.raw`h=\varphi\Bigl(\sum_{i=1}^{2} w_i x_i+b\Bigr)=\sigma\bigl((0.50)(1.00)+(-1.20)(0.30)+(0.10)\bigr)=\sigma(0.24)=0.560`),
  f('Neuron · sigmoid', String.raw`\sigma(z)=\frac{1}{1+e^{-z}}`),
  f('Neuron · ReLU', String.raw`\mathrm{ReLU}(z)=\max(0,z)`),
  f('Neuron · tanh', String.raw`\tanh(z)=\frac{e^{z}-e^{-z}}{e^{z}+e^{-z}}`),
  f('Neuron · binary step', String.raw`H(z)=\begin{cases}1 & z>0\\0 & z\le 0\end{cases}`),
  f('Neuron · linear', String.raw`\varphi(z)=z`),
  f('XorNet · hand-set', String.raw`h_1=H(x_1+x_2-0.5),\quad h_2=H(x_1+x_2-1.5),\quad y=H(h_1-h_2-0.5)`),
  f('XorNet · single neuron', String.raw`y=H(w_1x_1+w_2x_2+b)=H(1.0\,x_1+1.0\,x_2+-0.5)\ \text{— one line: XOR's corners are not linearly separable}`),
  f('XorNet · trained network', String.raw`y=\sigma\bigl(\mathbf{W}^{(2)}\tanh(\mathbf{W}^{(1)}\mathbf{x}+\mathbf{b}^{(1)})+b^{(2)}\bigr),\qquad \theta\leftarrow\theta-\eta\,\frac{\partial\mathcal{L}}{\partial\theta}\ (\text{Adam})`),
  f('XorNet · cross-entropy', String.raw`\mathcal{L}=-\frac{1}{4}\sum_{k=1}^{4}\bigl(t_k\log y_k+(1-t_k)\log(1-y_k)\bigr)`),
  f('Playground · network', String.raw`\mathbf{x}=(x_1,\,x_2,\,x_1^2,\,\sin x_1),\quad \mathbf{h}^{(\ell)}=\varphi\bigl(\mathbf{W}^{(\ell)}\mathbf{h}^{(\ell-1)}+\mathbf{b}^{(\ell)}\bigr),\ \varphi=\text{Tanh}`),
  f('Playground · update (L2, softmax)', String.raw`\theta\leftarrow\theta-\eta\,\frac{\partial}{\partial\theta}\Bigl(\mathcal{L}+\lambda\mathcal{R}\Bigr),\quad \eta=0.03,\ \lambda=0.001,\ \mathcal{R}=\|\theta\|_2^2,\ \mathcal{L}=-\tfrac1n\sum\sum_c t_c\log\operatorname{softmax}_c`),
  f('Playground · update (L1, MSE)', String.raw`\theta\leftarrow\theta-\eta\,\frac{\partial}{\partial\theta}\Bigl(\mathcal{L}+\lambda\mathcal{R}\Bigr),\quad \eta=0.03,\ \lambda=0.001,\ \mathcal{R}=\|\theta\|_1,\ \mathcal{L}=\text{MSE}`),
  f('ConvolutionExplorer · definition', String.raw`(A\ast B)_{ij}=\sum_n\sum_m A_{nm}\,B_{i-n,\,j-m}`),
  f('ConvolutionExplorer · one output', String.raw`(A\ast B)_{2,3}=(1.00)(0.125)+(-1.00)(0.250)+(0.50)(0.000)+\dots\ (9\ \text{terms})=-0.125`),
  f('FeatureMaps · feature map', String.raw`\mathbf{h}_k=\mathrm{ReLU}\Bigl(\sum_n\sum_m x_{nm}\,W_{k,\,i-n,\,j-m}+b_k\Bigr),\qquad \text{max-pool: } p_{ij}=\max_{(n,m)\in 2\times 2\ \text{block}} h_{nm}`),
  f('DigitDrawingPad · CNN', String.raw`\mathbf{h}^{(1)}_k=\mathrm{ReLU}\bigl(\mathbf{x}\ast\mathbf{W}_k+b_k\bigr),\ \text{max-pool},\ \dots,\ \mathbf{y}=\operatorname{softmax}\bigl(\mathbf{W}\mathbf{h}+\mathbf{b}\bigr),\quad \mathbf{x}\in\mathbb{R}^{28\times 28}`),
  f('DigitDrawingPad · MLP', String.raw`\mathbf{y}=\operatorname{softmax}\bigl(\mathbf{W}^{(2)}\,\mathrm{ReLU}(\mathbf{W}^{(1)}\mathbf{x}+\mathbf{b}^{(1)})+\mathbf{b}^{(2)}\bigr),\quad \mathbf{x}\in\mathbb{R}^{784},\ y\in\{0,\dots,9\}`),
  f('Seismogram · travel times', String.raw`t_P=t_0+\frac{r}{v_P},\quad t_S=t_0+\frac{r}{v_S},\quad r\approx\frac{t_S-t_P}{1/v_S-1/v_P}`),
  f('Seismogram · spectrogram', String.raw`P(t,f)=\frac{2\,\bigl|\sum_n w[n]\,x[n+tf_s]\,e^{-2\pi i f n/f_s}\bigr|^2}{f_s\sum_n w[n]^2}\ \ \text{(spectrogram, dB)}`),
  f('SpotTheSeismogram · periodogram', String.raw`P(f)=\frac{1}{n}\Bigl|\sum_{t=0}^{n-1} w_t\,x_t\,e^{-2\pi i f t}\Bigr|^2,\qquad P(f)\propto f^{\beta}:\ \beta\approx-2\ \text{(random walk)},\ \beta\approx 0\ \text{(white noise)}`),
  f('WaveformFeatures · features', String.raw`z_j=\frac{x_j-\mu_j}{\sigma_j},\qquad \bar{i}=\frac{1}{E}\sum_i i\,E_i,\quad B_i=\sqrt{\frac{1}{E}\sum_i i^2E_i-\bar{i}^2},\quad E_i=s[i]^2,\ E=\sum_i E_i`),
  f('WaveformFeatures · classifier', String.raw`\hat{y}=\arg\min_{c}\ \lVert \mathbf{z}-\bar{\mathbf{z}}_c\rVert_2\quad\text{(nearest class average)},\qquad c(q)=\mathcal{F}^{-1}\log\lvert S(f)\rvert`),
  // The constructs issue 12 names, in one place: bold vectors, ℝ, 𝓛, stretched |…|, limits, hats, primes.
  f('Checklist · constructs', String.raw`\mathbf{W}^{(\ell)}\in\mathbb{R}^{m\times n},\quad \hat\nabla\mathcal{L},\quad \hat{y},\quad \left|\frac{a}{b}\right|,\quad \sum_{i=1}^{N}\ \operatorname*{argmin}_\theta\ \max_{c},\quad f'(x),\ \varphi''(z)`),
];
