/**
 * The two random streams scikit-learn's trees draw from, rebuilt so that a GeoLearn tree or
 * forest given `randomState: s` makes the same random choices as scikit-learn given
 * `random_state=s`, and so grows the same trees (up to float32 rounding of the data, which
 * scikit-learn's trees use):
 *
 * - {@link NumpyMT19937}: numpy's legacy `RandomState(seed)`, the Mersenne Twister MT19937
 *   (Matsumoto & Nishimura 1998) seeded by init_genrand, with `randint` by numpy's masked
 *   rejection sampling (draw 32 bits, keep the lowest ⌈log₂ range⌉ bits, redraw if too big).
 *   It seeds the splitter, and draws the forest's per-tree seeds and bootstrap samples.
 * - {@link SplitterRandom}: the xorshift generator of scikit-learn's tree splitter
 *   (x ^= x≪13; x ^= x≫17; x ^= x≪5 on 32 bits, then mod 2³¹), which draws the features.
 *
 * These are internal: the public option is `randomState`, a seed.
 */

/** numpy's legacy MT19937 `RandomState`, integer seed, 32-bit outputs and masked `randint`. */
export class NumpyMT19937 {
  private readonly mt = new Uint32Array(624);
  private pos = 624;

  constructor(seed: number) {
    const mt = this.mt;
    mt[0] = seed >>> 0;
    for (let i = 1; i < 624; i++) {
      const prev = mt[i - 1] ^ (mt[i - 1] >>> 30);
      // 1812433253 · prev + i modulo 2³², split to stay exact in doubles.
      mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
  }

  private twist(): void {
    const mt = this.mt;
    for (let i = 0; i < 624; i++) {
      const yv = (mt[i] & 0x80000000) | (mt[(i + 1) % 624] & 0x7fffffff);
      let v = mt[(i + 397) % 624] ^ (yv >>> 1);
      if (yv & 1) v ^= 0x9908b0df;
      mt[i] = v >>> 0;
    }
    this.pos = 0;
  }

  /** The next 32-bit output (tempered). */
  nextUint32(): number {
    if (this.pos >= 624) this.twist();
    let yv = this.mt[this.pos++];
    yv ^= yv >>> 11;
    yv ^= (yv << 7) & 0x9d2c5680;
    yv ^= (yv << 15) & 0xefc60000;
    yv ^= yv >>> 18;
    return yv >>> 0;
  }

  /** numpy's `randint(0, high)` for high ≤ 2³², by masked rejection. */
  randint(high: number): number {
    const rng = high - 1;
    if (rng <= 0) return 0;
    let mask = rng;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask >>>= 0;
    let v: number;
    do v = (this.nextUint32() & mask) >>> 0;
    while (v > rng);
    return v;
  }
}

/** Largest value of scikit-learn's RAND_R_MAX (2³¹ − 1) and of numpy's int32. */
export const RAND_R_MAX = 0x7fffffff;

/** scikit-learn's tree-splitter generator (`our_rand_r`). */
export class SplitterRandom {
  private state: number;

  /** Seeded as scikit-learn's Splitter.init: `RandomState(seed).randint(0, RAND_R_MAX)`. */
  constructor(seed: number) {
    this.state = new NumpyMT19937(seed).randint(RAND_R_MAX);
    if (this.state === 0) this.state = 1;
  }

  /** A uniform integer in [low, high). */
  randInt(low: number, high: number): number {
    let s = this.state;
    s = (s ^ (s << 13)) >>> 0;
    s = (s ^ (s >>> 17)) >>> 0;
    s = (s ^ (s << 5)) >>> 0;
    this.state = s;
    return low + ((s & 0x7fffffff) % (high - low));
  }
}
