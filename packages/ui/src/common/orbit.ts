/**
 * A tiny orthographic camera for the 3-D views (no three.js): a point (u, v, t), t vertical,
 * is turned by the azimuth φ about the t axis and tilted by the elevation ε, then flattened:
 *   x₁ = u cos φ − v sin φ,  y₁ = u sin φ + v cos φ,
 *   screen x = x₁,  screen up = y₁ sin ε + t cos ε,  nearness = t sin ε − y₁ cos ε.
 * ε = 90° looks straight down; ε = 0 looks from the side.
 */
export interface OrbitCamera {
  /** Azimuth φ in degrees. */
  azimuth: number;
  /** Elevation ε in degrees. */
  elevation: number;
  /** Centre of the picture, px. */
  cx: number;
  cy: number;
  /** px per unit of u, v and t. */
  scale: number;
}

/** Screen position [x, y] (px) and nearness to the viewer (larger = nearer) of (u, v, t). */
export function orbitProject(u: number, v: number, t: number, cam: OrbitCamera): [number, number, number] {
  const az = (cam.azimuth * Math.PI) / 180;
  const el = (cam.elevation * Math.PI) / 180;
  const xr = u * Math.cos(az) - v * Math.sin(az);
  const yr = u * Math.sin(az) + v * Math.cos(az);
  const up = yr * Math.sin(el) + t * Math.cos(el);
  const near = -yr * Math.cos(el) + t * Math.sin(el);
  return [cam.cx + cam.scale * xr, cam.cy - cam.scale * up, near];
}
