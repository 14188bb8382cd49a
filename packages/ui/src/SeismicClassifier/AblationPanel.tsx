import { FEATURE_DOMAINS, FEATURES_PER_DOMAIN } from '@geolearn/algorithms/seismic';
import { CLASS_NAMES, CLASSIFIER_NAMES, pct } from './model';
import type { SeismicModel } from './useSeismicClassifier';

/**
 * "What is the guarantee that the features we choose are the best ones?": the held-out
 * accuracy of the same classifier with each of Table 1's domains alone (34 features) and
 * with all three (102), beside the chance level 1/K and the events per class.
 */
export function AblationPanel({ model }: { model: SeismicModel }) {
  const { features, data, state } = model;
  const ab = features.ablation;
  const best = ab ? Math.max(...ab.map((a) => a.accuracy)) : NaN;
  return (
    <div className="gl-sc-ablation" data-testid="ablation" data-state={ab ? 'done' : 'idle'}>
      <h3 className="gl-sc-heading">Ablation by feature group ({CLASSIFIER_NAMES[state.classifier].toLowerCase()})</h3>
      <ul className="gl-sc-bars">
        {(ab ?? FEATURE_DOMAINS.map((d) => ({ domains: [d], accuracy: NaN })).concat([{ domains: [...FEATURE_DOMAINS], accuracy: NaN }])).map((a) => {
          const name = a.domains.length === 3 ? `all three (${3 * FEATURES_PER_DOMAIN})` : `${a.domains[0]} (${FEATURES_PER_DOMAIN})`;
          const ok = Number.isFinite(a.accuracy);
          return (
            <li key={a.domains.join('+')} className="gl-sc-bar-row" data-best={ok && a.accuracy === best ? '' : undefined} data-testid={`ablation-${a.domains.length === 3 ? 'all' : a.domains[0]}`} data-accuracy={ok ? a.accuracy : undefined}>
              <span className="gl-sc-bar-label">{name}</span>
              <span className="gl-sc-bar-track">
                <span className="gl-sc-bar" style={{ width: `${ok ? Math.round(a.accuracy * 100) : 0}%` }} />
              </span>
              <span className="gl-sc-bar-value">{ok ? pct(a.accuracy) : '…'}</span>
            </li>
          );
        })}
      </ul>
      <p className="gl-sc-note">
        Chance is {pct(1 / CLASS_NAMES.length, 0)} with balanced classes.{' '}
        {data ? (
          <>
            Events per class: {CLASS_NAMES.map((c, k) => `${c} ${data.counts[k]}`).join(', ')}; {data.trainIndex.length} train, {data.testIndex.length} held out.
          </>
        ) : null}
      </p>
    </div>
  );
}
