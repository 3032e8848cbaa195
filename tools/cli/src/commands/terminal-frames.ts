/**
 * Redraws a whole frame in place with plain ANSI (cursor home, erase to end of line and below), so the
 * tree updates without flicker and without a TUI library. Without a terminal (a pipe, `--json`), frames
 * are written one after another instead: text frames a blank line apart, JSON one object a line.
 */
const HOME = "\x1b[H";
const ERASE_LINE = "\x1b[K";
const ERASE_BELOW = "\x1b[J";
const HIDE_CURSOR = "\x1b[?25l";
const SHOW_CURSOR = "\x1b[?25h";

export class TerminalFrames {
  private pending = false;
  private closed = false;
  /** Drawing over the previous frame on a terminal, rather than appending to a pipe. */
  readonly inPlace: boolean;

  constructor(
    private readonly out: { write(text: string): unknown; isTTY?: boolean | undefined },
    private readonly jsonLines: boolean,
  ) {
    this.inPlace = out.isTTY === true && !jsonLines;
    if (this.inPlace) out.write(HIDE_CURSOR);
  }

  draw(lines: readonly string[]): void {
    if (!this.inPlace) {
      this.out.write(lines.map((line) => `${line}\n`).join("") + (this.jsonLines ? "" : "\n"));
      return;
    }
    this.out.write(HOME + lines.map((line) => `${line}${ERASE_LINE}\n`).join("") + ERASE_BELOW);
  }

  /** Coalesces a burst of messages (the retained ones on start) into one redraw. */
  soon(redraw: () => void): void {
    if (this.pending) return;
    this.pending = true;
    setTimeout(() => {
      this.pending = false;
      if (!this.closed) redraw();
    }, 50);
  }

  close(): void {
    this.closed = true;
    if (this.inPlace) this.out.write(SHOW_CURSOR);
  }
}
