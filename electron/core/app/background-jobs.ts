import type { AppEvent } from '../../contract';
import { OcrEngine } from '../evidence/media/ocr';
import { ocrModelsCache } from '../evidence/media/ocr-models';
import { nearDuplicateDistance } from '../evidence/pdq-index';
import { drainJobs } from '../jobs/drain-jobs';
import { queueStatus } from '../jobs/job-queue';
import type { Policy } from '../policy/policy';
import type { VaultSession } from '../vault/session';

export type BackgroundStatus = Extract<AppEvent, { type: 'background' }>;

interface Host {
  readonly session: VaultSession | null;
  readonly policy: Policy;
  /** the app's data folder: the OCR models are kept there between starts */
  readonly dataDir: string;
  emit(event: AppEvent): void;
}

/**
 * The app's runner of the background queue (core/jobs): it starts when the vault opens and when
 * an intake queues work, stops at lock (what it was doing stays pending and is done again at the
 * next unlock), and can be paused by the person. OCR runs in tesseract's worker thread; the rest
 * of the work yields to the event loop between items, so intake and the window go first.
 */
export class BackgroundJobs {
  private running: Promise<void> | null = null;
  private controller: AbortController | null = null;
  private again = false;
  private paused = false;
  private ocrEngine: OcrEngine | null = null;

  constructor(private readonly host: Host) {}

  private get ocr(): OcrEngine {
    return (this.ocrEngine ??= new OcrEngine(ocrModelsCache(this.host.dataDir)));
  }

  /** Starts the runner if there is work and it is not paused; an intake calls it after queuing. */
  wake(): void {
    if (this.paused || !this.host.session) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again && !this.paused) this.wake();
      else this.announce();
    });
  }

  pause(): void {
    this.paused = true;
    this.controller?.abort();
    this.announce();
  }

  resume(): void {
    this.paused = false;
    this.announce();
    this.wake();
  }

  /** At lock: the job at hand is dropped (it stays pending) and the OCR engine closed. */
  async stop(): Promise<void> {
    this.controller?.abort();
    await this.running;
  }

  status(): BackgroundStatus {
    const session = this.host.session;
    const queue = session ? queueStatus(session.db) : { pending: 0, failed: 0, done: 0 };
    return {
      type: 'background',
      pending: queue.pending,
      failed: queue.failed,
      done: queue.done,
      paused: this.paused,
      running: this.running !== null,
    };
  }

  private announce(): void {
    if (this.host.session) this.host.emit(this.status());
  }

  private async drain(): Promise<void> {
    const session = this.host.session;
    if (!session) return;
    this.again = false;
    const controller = new AbortController();
    this.controller = controller;
    try {
      await drainJobs(session, {
        ocr: this.ocr,
        pdqDistance: nearDuplicateDistance(this.host.policy),
        signal: controller.signal,
        onProgress: () => this.announce(),
      });
    } catch (e) {
      // A failing job is recorded as failed by drainJobs: what lands here is the vault closing
      // under it (nothing to say) or a fault of the queue itself, which must not stop the app.
      if (session.isOpen) console.error('[jejak] background queue stopped:', e instanceof Error ? e.stack : e);
    } finally {
      this.controller = null;
      await this.ocr.close();
    }
  }
}
