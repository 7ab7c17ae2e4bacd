import { open } from 'node:fs/promises';

/**
 * Random access to evidence bytes held in memory or in a file. Files are read by range, so a
 * multi-gigabyte video costs only the few bytes a parser asks for.
 */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes from `offset`; shorter at the end of the data. */
  read(offset: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

async function openByteSource(input: Buffer | string): Promise<ByteSource> {
  if (typeof input !== 'string') {
    return {
      size: input.length,
      read: async (offset, length) => input.subarray(offset, Math.min(input.length, offset + length)),
      close: async () => {},
    };
  }
  const handle = await open(input, 'r');
  try {
    const { size } = await handle.stat();
    return {
      size,
      read: async (offset, length) => {
        const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
        return buffer.subarray(0, bytesRead);
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

export async function withByteSource<T>(input: Buffer | string, use: (source: ByteSource) => Promise<T>): Promise<T> {
  const source = await openByteSource(input);
  try {
    return await use(source);
  } finally {
    await source.close();
  }
}
