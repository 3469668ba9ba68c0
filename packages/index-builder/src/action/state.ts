// What the main step tells its post step (core.saveState → STATE_* in the post step's environment).

/** Set to `true` just before the build starts: only then can a cancelled run have left invalid indexes behind. */
export const BUILD_STARTED = 'build-started';

/** Set to `true` when the build returned without being cancelled: it left nothing for the post step to drop. */
export const BUILD_FINISHED = 'build-finished';
