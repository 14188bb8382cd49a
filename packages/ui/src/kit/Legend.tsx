import type { ReactNode } from 'react';

/** One entry of a {@link Legend}. */
export interface LegendItem {
  /** What it stands for ("Gradient descent", "−∇𝓛 (downhill)"). */
  label: ReactNode;
  /** Its colour: a `var(--gl-…)` from the colour module, or any CSS colour. */
  color: string;
  /** The swatch's shape: a line (default), a dot, an arrow or a dashed line. */
  shape?: 'line' | 'dot' | 'arrow' | 'dashed';
  /** Swatch outline for light colours (e.g. a white arrow): a CSS colour. */
  outline?: string;
}

/** Props of {@link Legend}. */
export interface LegendProps {
  /** The entries. */
  items: readonly LegendItem[];
  /** Accessible name of the list. Default "Legend". */
  label?: string;
}

/**
 * The key to the colours and marks of a picture (class `gl-legend`, items
 * `gl-legend-item`, swatches `gl-swatch` with `data-shape`), as an HTML list.
 */
export function Legend({ items, label = 'Legend' }: LegendProps) {
  return (
    <ul className="gl-legend" aria-label={label}>
      {items.map((it, i) => (
        <li key={i} className="gl-legend-item">
          {it.shape === 'arrow' ? (
            // An arrow is drawn as it is on the plot: a shaft and head with an outline.
            <svg className="gl-swatch-svg" width={24} height={12} aria-hidden="true">
              <line x1={1} y1={6} x2={16} y2={6} stroke={it.outline ?? 'none'} strokeWidth={4} />
              <line x1={1} y1={6} x2={16} y2={6} stroke={it.color} strokeWidth={2} />
              <path d="M15,1.5L22.5,6L15,10.5Z" fill={it.color} stroke={it.outline ?? 'none'} strokeWidth={1} />
            </svg>
          ) : (
            <span
              className="gl-swatch"
              aria-hidden="true"
              data-shape={it.shape ?? 'line'}
              style={{
                color: it.color,
                background: it.shape === 'dashed' ? `repeating-linear-gradient(90deg, ${it.color} 0 5px, transparent 5px 8px)` : undefined,
                boxShadow: it.outline ? `0 0 0 1.5px ${it.outline}` : undefined,
              }}
            />
          )}
          <span>{it.label}</span>
        </li>
      ))}
    </ul>
  );
}
