// numpy's default bit generator, PCG64 (XSL-RR 128/64), and Generator.permutation(n), so that
// the browser visits the training points in the order nnbook.train does (chapter 2: every
// run's data order comes from one shuffle seed).  Python sends the generator's state
// (numpy's `bit_generator.state`), the browser carries on from it.

const MASK64 = (1n << 64n) - 1n;
const MASK128 = (1n << 128n) - 1n;
const MULTIPLIER = 0x2360ED051FC65DA44385DF649FCCF645n;

export class PCG64 {
  // state: {state: {state, inc}, has_uint32, uinteger} with the big numbers as decimal strings
  constructor(state) {
    this.state = BigInt(state.state.state);
    this.inc = BigInt(state.state.inc);
    this.hasUint32 = Boolean(state.has_uint32);
    this.uinteger = Number(state.uinteger);
  }

  next64() {                            // step, then output the new state (pcg64.h)
    this.state = (this.state * MULTIPLIER + this.inc) & MASK128;
    const xored = ((this.state >> 64n) ^ this.state) & MASK64;
    const rot = this.state >> 122n;
    return ((xored >> rot) | (xored << ((64n - rot) & 63n))) & MASK64;
  }

  next32() {                            // half of a 64-bit output, the other half kept for next time
    if (this.hasUint32) {
      this.hasUint32 = false;
      return this.uinteger;
    }
    const next = this.next64();
    this.hasUint32 = true;
    this.uinteger = Number(next >> 32n);
    return Number(next & 0xffffffffn);
  }

  // random_interval(max) of numpy's distributions.c: uniform in 0 … max by masked rejection
  interval(max) {
    if (max === 0) return 0;
    let mask = max;
    for (const s of [1, 2, 4, 8, 16]) mask |= mask >>> s;
    let value;
    do value = (this.next32() & mask) >>> 0; while (value > max);
    return value;
  }

  // Generator.permutation(n): arange(n) shuffled by Fisher–Yates from the last element down
  permutation(n) {
    if (n > 0xffffffff) throw new Error("permutation: n too large");
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    for (let i = n - 1; i >= 1; i--) {
      const j = this.interval(i);
      const t = order[i]; order[i] = order[j]; order[j] = t;
    }
    return order;
  }
}

// Generator.random(): a double in [0, 1) from the top 53 bits of one 64-bit output (numpy's
// next_double); a function, not a method, so the bundles that do not use it stay as they were
export function random(rng) {
  return Number(rng.next64() >> 11n) * (1.0 / 9007199254740992.0);
}
