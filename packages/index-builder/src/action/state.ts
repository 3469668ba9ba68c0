// What the main step tells its post step (core.saveState → STATE_* in the post step's environment).

/** Set to `true` just before the build starts: only then can a cancelled run have left invalid indexes behind. */
export const BUILD_STARTED = 'build-started';
