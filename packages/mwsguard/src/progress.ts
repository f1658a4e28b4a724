import type { OutputStream } from './io.js';

/** A scan shorter than this shows no progress at all. */
export const DEFAULT_PROGRESS_DELAY_MS = 1000;
const REDRAW_MS = 100;

/**
 * A one-line counter on stderr (`mwsguard: 12345 files…`), redrawn in place. It appears only on a
 * terminal, only once the scan has run for `delayMs`, and is erased before anything else is printed,
 * so logs and pipes never see it.
 */
export class Progress {
  readonly #stream: OutputStream;
  readonly #enabled: boolean;
  readonly #delayMs: number;
  readonly #start = Date.now();
  #count = 0;
  #lastDraw = 0;
  #drawn = false;

  constructor(stream: OutputStream, enabled: boolean, delayMs: number) {
    this.#stream = stream;
    this.#enabled = enabled && stream.isTTY === true;
    this.#delayMs = delayMs;
  }

  /** One more file done. */
  tick(): void {
    this.#count += 1;
    if (!this.#enabled) return;
    const now = Date.now();
    if (now - this.#start < this.#delayMs || now - this.#lastDraw < REDRAW_MS) return;
    this.#lastDraw = now;
    this.#drawn = true;
    this.#stream.write(`\rmwsguard: ${String(this.#count)} files…\u001b[K`);
  }

  /** Erases the line, if it was ever drawn. */
  done(): void {
    if (this.#drawn) this.#stream.write('\r\u001b[K');
    this.#drawn = false;
  }
}
