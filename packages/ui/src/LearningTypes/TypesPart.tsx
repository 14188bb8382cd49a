import { useId } from 'react';
import { conceptColor } from '../common/colors';
import { LineChart } from '../common/LineChart';
import { Tex } from '../common/Tex';
import { GridWorld } from './GridWorld';
import { ALPHA, EPSILON, fmt, GAMMA, greedyPath, movingMean, type Boundary, type QResult } from './model';
import { ScatterPanel } from './ScatterPanel';

/** Props of {@link TypesPart}. */
export interface TypesPartProps {
  /** The ten points. */
  points: readonly [number, number][];
  /** Their class labels. */
  labels: readonly number[];
  /** The logistic boundary, or why there is none. */
  boundary: Boundary;
  /** The k-means result, or why there is none. */
  clusters: { labels: number[]; centers: number[][] } | { error: string };
  /** The Q-learning result so far. */
  q: QResult;
  /** Width of each of the three panels, px. */
  panelWidth: number;
  /** Re-label point i. */
  onToggle: (i: number) => void;
  /** Slide mode: smaller plots so that the three fit in 960 × 700. */
  fit?: boolean;
}

/** The slides' three types of learning, side by side (stacked below 640 px), each with a live example. */
export function TypesPart({ points, labels, boundary, clusters, q, panelWidth, onToggle, fit = false }: TypesPartProps) {
  const id = useId();
  const size = Math.min(panelWidth, fit ? 210 : 280);
  const ok = !('error' in clusters);
  const greedyRun = greedyPath(q.q);
  return (
    <>
      <section className="gl-panel gl-lt-type" data-gl-panel="supervised" style={{ width: panelWidth }} aria-labelledby={`${id}-sup`}>
        <h3 className="gl-lt-heading" id={`${id}-sup`}>Supervised learning</h3>
        <p className="gl-lt-lead">
          Predict <Tex>{String.raw`\mathbf{y}`}</Tex> from <Tex>{String.raw`\mathbf{x}`}</Tex> (regression, classification). Click a point to change its label; a logistic regression learns the boundary.
        </p>
        <ScatterPanel kind="supervised" points={points} groups={labels} boundary={boundary} size={size} onToggle={onToggle} />
        <p className="gl-lt-note" data-testid="supervised-note">
          {'error' in boundary ? boundary.error : `Training accuracy ${Math.round(boundary.accuracy * 100)} %.`}
        </p>
      </section>
      <section className="gl-panel gl-lt-type" data-gl-panel="unsupervised" style={{ width: panelWidth }} aria-labelledby={`${id}-unsup`}>
        <h3 className="gl-lt-heading" id={`${id}-unsup`}>Unsupervised learning</h3>
        <p className="gl-lt-lead">
          Learn some distribution <Tex>{String.raw`p(\mathbf{x})`}</Tex> (clustering, reduction). The same points without labels: k-means with k = 2 finds two groups.
        </p>
        <ScatterPanel kind="unsupervised" points={points} groups={ok ? clusters.labels : null} centers={ok ? clusters.centers : undefined} size={size} />
        <p className="gl-lt-note">{ok ? 'The groups are found from x alone; their names are ours to give.' : clusters.error}</p>
      </section>
      <section className="gl-panel gl-lt-type" data-gl-panel="reinforcement" style={{ width: panelWidth }} aria-labelledby={`${id}-rl`}>
        <h3 className="gl-lt-heading" id={`${id}-rl`}>Reinforcement learning</h3>
        <p className="gl-lt-lead">Learn a policy to maximise a reward (gaming, robotics). Each move costs 0.04; Q-learning updates after every move:</p>
        <div className="gl-maths">
          <Tex block>{String.raw`Q(s,a)\leftarrow Q(s,a)+\alpha\,\delta`}</Tex>
          <Tex block>{String.raw`\delta=r+\gamma\max_{a'}Q(s',a')-Q(s,a)`}</Tex>
        </div>
        <GridWorld q={q} size={size} />
        <LineChart
          width={size}
          height={fit ? 110 : 160}
          label="Reward per episode: the performance P improves with the experience E"
          xLabel="episode"
          yLabel="reward"
          xDomain={[1, Math.max(20, q.returns.length)]}
          yDomain={[-1.5, 1]}
          emptyText="press Step or Play"
          testId="reward-chart"
          series={[
            { label: 'each episode', color: 'var(--gl-muted)', points: q.returns.map((r, i) => [i + 1, r] as const) },
            { label: 'mean of 10', color: conceptColor('train'), points: movingMean(q.returns, 10).map((r, i) => [i + 1, r] as const) },
          ]}
        />
        <p className="gl-lt-note" data-testid="rl-note">
          α = {ALPHA}, γ = {GAMMA}, ε = {EPSILON}. {q.returns.length ? `Last reward ${fmt(q.returns[q.returns.length - 1])}. ` : ''}
          {greedyRun.reaches ? 'Following the arrows from S reaches the goal.' : 'The arrows do not lead to the goal yet.'}
        </p>
      </section>
    </>
  );
}
