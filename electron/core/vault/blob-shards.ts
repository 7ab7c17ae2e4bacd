import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The shard folders of a blob store (a blob name's first two hex digits), each made at most once by
 * this store: a batch of 1,000 originals spent 106 ms of the calling thread in mkdir when each
 * batch made its shards again.
 */
export class BlobShards {
  private readonly made = new Set<string>();

  constructor(private readonly dir: string) {}

  /**
   * The shard folder `name` goes in, made if need be, off the thread: while the disk flushes, a mkdir
   * waits for the file system's journal, and a new vault's first batch makes most of its shards.
   */
  async ready(name: string): Promise<string> {
    const shard = this.folderOf(name);
    if (!this.made.has(shard)) {
      await mkdir(shard, { recursive: true, mode: 0o700 });
      this.made.add(shard);
    }
    return shard;
  }

  /** The shard folder of a blob name: the first two hex digits of the name. */
  folderOf(name: string): string {
    return join(this.dir, name.slice(0, 2));
  }
}
