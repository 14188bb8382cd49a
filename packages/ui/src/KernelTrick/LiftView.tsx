import { classAttr } from '../common/colors';
import { RotateArea } from '../kit/RotateArea';
import { ClassMark } from '../SvmMargin/PointHandle';
import { DOMAIN, LIFT_LABELS } from './model';
import { CUBE_CORNERS, CUBE_EDGES, planeInCube, project, type Camera } from './project3d';
import type { KernelModel } from './useKernelTrick';

/**
 * The lifted points (x₁, x₂, z(x)) in a rotatable 3-D box (SVG, orthographic), each in its
 * class colour, with the plane that a linear SVM finds there. Drag or use the arrow keys
 * (Shift: faster) to turn it.
 */
export function LiftView({ model, size }: { model: KernelModel; size: number }) {
  const { L, plane, zRange, data, state } = model;
  const [azimuth, elevation] = state.rotation;
  const cam: Camera = { azimuth, elevation, cx: size / 2, cy: size / 2, scale: size * 0.3 };
  const half = (DOMAIN[1] - DOMAIN[0]) / 2;
  const zc = (zRange[0] + zRange[1]) / 2;
  const zh = (zRange[1] - zRange[0]) / 2 || 1;
  const toN = (p: readonly number[]): [number, number, number] => [p[0] / half, p[1] / half, (p[2] - zc) / zh];
  const pts = (L ?? []).map((p, i) => ({ i, s: project(...toN(p), cam) })).sort((a, b) => a.s[2] - b.s[2]);
  // The plane in normalised coordinates: w₁x₁ + w₂x₂ + w₃z + b with x = half·u, z = zc + zh·t.
  const n: [number, number, number] | null = plane ? [plane.w[0] * half, plane.w[1] * half, plane.w[2] * zh] : null;
  const d0 = plane ? plane.b + plane.w[2] * zc : 0;
  const poly = n ? planeInCube(n, d0, cam) : [];
  // Points on the viewer's side of the plane are drawn over it, the others under it.
  const az = (azimuth * Math.PI) / 180;
  const el = (elevation * Math.PI) / 180;
  const toViewer = [-Math.sin(az) * Math.cos(el), -Math.cos(az) * Math.cos(el), Math.sin(el)];
  const viewerSide = n ? Math.sign(n[0] * toViewer[0] + n[1] * toViewer[1] + n[2] * toViewer[2]) : 1;
  const front = (p: readonly number[]) => {
    if (!n) return true;
    const q = toN(p);
    return Math.sign(n[0] * q[0] + n[1] * q[1] + n[2] * q[2] + d0) === viewerSide;
  };
  const mark = ({ i, s }: { i: number; s: [number, number, number] }) => (
    <g key={i} transform={`translate(${s[0]},${s[1]})`} className="gl-svm-point" {...classAttr(data.y[i])}>
      <ClassMark cls={data.y[i]} size={3.5} />
    </g>
  );
  const corner = (k: number) => project(...CUBE_CORNERS[k], cam);
  const axisEnd = (u: number, v: number, t: number) => project(u, v, t, cam);
  const labels: [string, [number, number, number]][] = [
    ['x₁', axisEnd(1.25, -1, -1)],
    ['x₂', axisEnd(-1, 1.25, -1)],
    ['z', axisEnd(-1, -1, 1.2)],
  ];
  return (
    <div className="gl-panel" data-gl-panel="lift">
      <svg width={size} height={size} role="group" aria-label={`The points lifted to 3-D by ${LIFT_LABELS[state.lift]}, with the separating plane.`} className="gl-svm-lift" data-testid="lift-view">
        <RotateArea
          azimuth={azimuth}
          elevation={elevation}
          onRotate={model.actions.rotate}
          width={size}
          height={size}
          label={`3-D view from azimuth ${azimuth}° and elevation ${elevation}°. Drag or use the arrow keys to rotate it.`}
          testId="rotate"
        >
          {CUBE_EDGES.map(([a, b], k) => {
            const p = corner(a);
            const q = corner(b);
            return <line key={k} className="gl-svm-cube" x1={p[0]} y1={p[1]} x2={q[0]} y2={q[1]} />;
          })}
          {labels.map(([t, p]) => (
            <text key={t} x={p[0]} y={p[1]} className="gl-svm-axis-label" textAnchor="middle">
              {t}
            </text>
          ))}
          {pts.filter((p) => L && !front(L[p.i])).map(mark)}
          {poly.length >= 3 && <polygon className="gl-svm-plane" points={poly.map((p) => p.join(',')).join(' ')} data-testid="plane" />}
          {pts.filter((p) => !L || front(L[p.i])).map(mark)}
        </RotateArea>
      </svg>
    </div>
  );
}
