// A reader that stops reading (`index-builder build | head`) closes our stdout: later writes fail with EPIPE. The
// run itself goes on and ends as it would have (the build, the JSON report, the exit code); only the log is dropped.
import type { Writable } from 'node:stream';

/** Returns a line writer for `stream` that goes quiet once the stream is closed instead of ending the process. */
export function lineWriterTolerantOfClose(stream: Writable): (line: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
      closed = true;
      return;
    }
    throw error;
  });
  return (line) => {
    if (closed || stream.destroyed) return;
    stream.write(`${line}\n`);
  };
}
