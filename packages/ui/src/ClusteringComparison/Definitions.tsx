import { DefinitionTag } from './Grid';
import { METHOD_INFO, METHODS, type Definition } from './model';

const TEXT: Record<Definition, { title: string; body: string; key: string }> = {
  'top-down': { title: 'Top-down', body: 'Partition the heterogeneous data into ', key: 'homogeneous subsets' },
  'bottom-up': { title: 'Bottom-up', body: 'Group the data samples by some criterion of ', key: 'similarity' },
};

/** The slide's two definitions of clustering, each with the methods that follow it. */
export function Definitions({ width }: { width: number }) {
  return (
    <div className="gl-panel gl-cc-defs" data-gl-panel="definitions" data-testid="definitions" style={{ width }}>
      {(['top-down', 'bottom-up'] as const).map((def) => (
        <section key={def} className="gl-cc-def" data-definition={def} aria-label={`${TEXT[def].title} definition`}>
          <h3>{TEXT[def].title}</h3>
          <p>
            {TEXT[def].body}
            <strong>{TEXT[def].key}</strong>.
          </p>
          <ul>
            {METHODS.filter((m) => METHOD_INFO[m].definition === def).map((m) => (
              <li key={m} data-method={m}>
                <strong>{METHOD_INFO[m].label}</strong> <DefinitionTag method={m} /> {METHOD_INFO[m].why}.
              </li>
            ))}
          </ul>
        </section>
      ))}
      <p className="gl-cc-def-note">Either way, we must say what similarity or homogeneity means: a distance, a density, a graph or a probability model.</p>
    </div>
  );
}
