/**
 * Ridge regression by the normal equations: (XᵀX + λ·P)β = Xᵀy with an unpenalized intercept.
 * Columns are centred (and numeric ones scaled) by the caller's design; the Gram matrix is built
 * once so several λ can be tried cheaply.
 */
export class GramSystem {
  readonly xtx: Float64Array;
  readonly xty: Float64Array;
  readonly means: Float64Array;
  private sumY = 0;
  private rows = 0;
  private readonly sums: Float64Array;

  constructor(readonly width: number) {
    this.xtx = new Float64Array(width * width);
    this.xty = new Float64Array(width);
    this.sums = new Float64Array(width);
    this.means = new Float64Array(width);
  }

  /** Adds one observation given as a dense row plus sparse one-hot columns (value 1). */
  add(dense: ArrayLike<number>, ones: readonly number[], y: number): void {
    const row = new Float64Array(this.width);
    for (let j = 0; j < dense.length; j++) row[j] = dense[j];
    for (const j of ones) row[j] = 1;
    const nonZero: number[] = [];
    for (let j = 0; j < this.width; j++) if (row[j] !== 0) nonZero.push(j);
    for (const i of nonZero) {
      const base = i * this.width;
      for (const j of nonZero) this.xtx[base + j] += row[i] * row[j];
      this.xty[i] += row[i] * y;
      this.sums[i] += row[i];
    }
    this.sumY += y;
    this.rows++;
  }

  get count(): number {
    return this.rows;
  }

  /** Solves for β (on centred columns) and the intercept; `penalty[j]` scales λ per column. */
  solve(lambda: number, penalty: ArrayLike<number>): { beta: Float64Array; intercept: number } {
    const p = this.width;
    const n = this.rows;
    const meanY = this.sumY / n;
    const mean = this.sums.map((sum) => sum / n);
    const a = new Float64Array(p * p);
    const b = new Float64Array(p);
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) a[i * p + j] = this.xtx[i * p + j] - n * mean[i] * mean[j];
      a[i * p + i] += lambda * penalty[i] + 1e-9;
      b[i] = this.xty[i] - n * mean[i] * meanY;
    }
    const beta = choleskySolve(a, b, p);
    let intercept = meanY;
    for (let j = 0; j < p; j++) intercept -= beta[j] * mean[j];
    return { beta, intercept };
  }
}

/** Solves A x = b for a symmetric positive-definite A (row-major, p × p). */
export function choleskySolve(a: Float64Array, b: Float64Array, p: number): Float64Array {
  const l = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * p + j];
      for (let k = 0; k < j; k++) sum -= l[i * p + k] * l[j * p + k];
      if (i === j) {
        if (sum <= 0) throw new Error('The normal equations are not positive definite');
        l[i * p + i] = Math.sqrt(sum);
      } else {
        l[i * p + j] = sum / l[j * p + j];
      }
    }
  }
  const z = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let sum = b[i];
    for (let k = 0; k < i; k++) sum -= l[i * p + k] * z[k];
    z[i] = sum / l[i * p + i];
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let sum = z[i];
    for (let k = i + 1; k < p; k++) sum -= l[k * p + i] * x[k];
    x[i] = sum / l[i * p + i];
  }
  return x;
}
