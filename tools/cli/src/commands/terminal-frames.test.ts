import { describe, expect, it } from "vitest";
import { CapturedStream } from "../test-support/captured-io.js";
import { TerminalFrames } from "./terminal-frames.js";

describe("TerminalFrames", () => {
  it("draws over the previous frame on a terminal and shows the cursor again on close", () => {
    const out = new CapturedStream();
    out.isTTY = true;
    const frames = new TerminalFrames(out, false);
    frames.draw(["a", "b"]);
    frames.close();
    expect(out.text).toBe("\x1b[?25l\x1b[Ha\x1b[K\nb\x1b[K\n\x1b[J\x1b[?25h");
  });

  it("appends plain frames to a pipe, and JSON one line a frame", () => {
    const text = new CapturedStream();
    new TerminalFrames(text, false).draw(["a", "b"]);
    expect(text.text).toBe("a\nb\n\n");
    const json = new CapturedStream();
    json.isTTY = true;
    new TerminalFrames(json, true).draw(['{"site":"s"}']);
    expect(json.text).toBe('{"site":"s"}\n');
  });
});
