import type { WindowScore } from './model';
import type { EventDetectorModel } from './useEventDetector';

const cells = (m: WindowScore | null, n: number): (number | string | null)[] => (m ? [m.hits, m.misses, `${m.falseAlarms} / ${m.noiseWindows}`] : [null, null, n]);

/**
 * Hits, misses and false alarms of both methods on the stream, scored window by window (misses
 * and hits need the true events): false alarms are the flagged windows of pure noise.
 */
export function Scoreboard({ model }: { model: EventDetectorModel }) {
  const rows = [
    { name: 'Detector (CNN)', v: model.det.scan ? cells(model.detMatch, model.detIntervals.length) : [null, null, null], id: 'detector' },
    { name: 'STA/LTA', v: cells(model.staMatch, model.sta?.intervals.length ?? 0), id: 'stalta' },
  ];
  return (
    <table className="gl-ed-score" data-testid="scoreboard">
      <caption>Detections on this stream{model.source?.events ? ` (${model.source.events.length} true events)` : ' (true events unknown)'}</caption>
      <thead>
        <tr>
          <th scope="col">Method</th>
          <th scope="col">Hits</th>
          <th scope="col">Misses</th>
          <th scope="col">False alarms (noise windows)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-testid={`score-${r.id}`}>
            <th scope="row">{r.name}</th>
            {r.v.map((x, k) => (
              <td key={k} data-state={k === 0 ? 'right' : x && !String(x).startsWith('0 ') ? 'wrong' : undefined}>{x ?? '–'}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
