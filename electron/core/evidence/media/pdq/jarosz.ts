/**
 * Blur and decimate a luma plane to 64×64 the way Meta's reference does (pdq/cpp/downscaling):
 * two passes of a box filter along rows then columns (Wojciech Jarosz, "Fast Image Convolutions",
 * 2001: repeated box filters approximate a tent), then one sample at the centre of each cell.
 * The window sizes come from the image size, so the result depends on the exact dimensions.
 * Sums are rounded to 32-bit floats after every step, as the C++ reference computes them, so the
 * same pixels give the same bits even where a picture is so flat that rounding decides them.
 */
export const PDQ_GRID = 64;
const f32 = Math.fround;
const XY_PASSES = 2;

/**
 * Half of one output cell per pass, rounded up: two passes then cover the whole cell. For a
 * 1024-pixel side and 64 cells, each cell is 16 pixels and the window is 8.
 */
export function jaroszWindowSize(oldDimension: number, newDimension = PDQ_GRID): number {
  return Math.floor((oldDimension + 2 * newDimension - 1) / (2 * newDimension));
}

/**
 * One box filter along a vector of `length` values `stride` apart. The window is centred, so
 * near the ends it holds fewer values and the sum is divided by how many it holds.
 */
function box1d(
  input: Float32Array,
  output: Float32Array,
  start: number,
  length: number,
  stride: number,
  window: number,
): void {
  const half = Math.floor((window + 2) / 2); // 7 → 4, 8 → 5: how far the window reaches ahead
  let sum = 0;
  let size = 0;
  let read = start; // right edge: next value to add
  let drop = start; // left edge: next value to subtract
  let write = start;
  for (let i = 0; i < half - 1; i++, read += stride, size++) sum = f32(sum + input[read]!);
  for (let i = 0; i < window - half + 1; i++, read += stride, write += stride) {
    sum = f32(sum + input[read]!);
    size++;
    output[write] = sum / size;
  }
  for (let i = 0; i < length - window; i++, read += stride, drop += stride, write += stride) {
    sum = f32(sum + input[read]!);
    sum = f32(sum - input[drop]!);
    output[write] = sum / size;
  }
  for (let i = 0; i < half - 1; i++, drop += stride, write += stride) {
    sum = f32(sum - input[drop]!);
    size--;
    output[write] = sum / size;
  }
}

/** Filters `plane` (rows × cols, row-major) in place; `scratch` is a buffer of the same size. */
export function jaroszFilter(plane: Float32Array, scratch: Float32Array, rows: number, cols: number): void {
  const alongRows = jaroszWindowSize(cols);
  const alongCols = jaroszWindowSize(rows);
  for (let pass = 0; pass < XY_PASSES; pass++) {
    for (let r = 0; r < rows; r++) box1d(plane, scratch, r * cols, cols, 1, alongRows);
    for (let c = 0; c < cols; c++) box1d(scratch, plane, c, rows, cols, alongCols);
  }
}

/** The 64×64 samples at the cell centres of a filtered plane. */
export function decimate(plane: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(PDQ_GRID * PDQ_GRID);
  for (let i = 0; i < PDQ_GRID; i++) {
    const row = Math.floor(((i + 0.5) * rows) / PDQ_GRID);
    for (let j = 0; j < PDQ_GRID; j++)
      out[i * PDQ_GRID + j] = plane[row * cols + Math.floor(((j + 0.5) * cols) / PDQ_GRID)]!;
  }
  return out;
}
