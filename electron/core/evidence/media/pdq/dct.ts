import { PDQ_GRID } from './jarosz';

/**
 * The part of the 2-D DCT-II of the 64×64 grid that PDQ keeps: frequencies 1…16 in each direction
 * (frequency 0, the mean, says nothing about structure). B = D·A·Dᵀ with D the 16×64 matrix
 * D[i][j] = √(2/64)·cos(π/128 · (i+1) · (2j+1)), as in Meta's reference. Computing only these
 * 16 rows is faster than a fast full transform (the reference measured it).
 */
export const PDQ_DCT_SIZE = 16;

const N = PDQ_GRID;
const K = PDQ_DCT_SIZE;
const SCALE = Math.fround(Math.sqrt(2 / N));
const f32 = Math.fround;
// in 32-bit floats, with 32-bit sums, as the C++ reference (the same pixels give the same bits)
const D = Float32Array.from({ length: K * N }, (_, at) => {
  const i = Math.floor(at / N);
  const j = at % N;
  return SCALE * Math.cos((Math.PI / 2 / N) * (i + 1) * (2 * j + 1));
});

/** `grid` is 64×64 row-major; the result is 16×16 row-major. */
export function dct64To16(grid: Float32Array): Float32Array {
  const t = new Float32Array(K * N); // T = D·A
  for (let i = 0; i < K; i++) {
    for (let j = 0; j < N; j++) {
      let sum = 0;
      for (let k = 0; k < N; k++) sum = f32(sum + f32(D[i * N + k]! * grid[k * N + j]!));
      t[i * N + j] = sum;
    }
  }
  const out = new Float32Array(K * K); // B = T·Dᵀ
  for (let i = 0; i < K; i++) {
    for (let j = 0; j < K; j++) {
      let sum = 0;
      for (let k = 0; k < N; k++) sum = f32(sum + f32(t[i * N + k]! * D[j * N + k]!));
      out[i * K + j] = sum;
    }
  }
  return out;
}
