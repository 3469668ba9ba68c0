// SIGINT and SIGTERM (a cancelled job gets one, then the other) abort a run, once; the listeners last only as long
// as the run, so a later step of the same process is not cancelled by them.
export async function cancellableRun<T>(run: (signal: AbortSignal) => Promise<T>, onCancel: (signal: NodeJS.Signals) => void): Promise<T> {
  const cancel = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (cancel.signal.aborted) return;
    onCancel(signal);
    cancel.abort(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await run(cancel.signal);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
