/**
 * A start that cannot go on, told in one line that says what to do (the apps print the message
 * alone, without a stack trace, and exit with code 1).
 */
export class StartupFailure extends Error {
  override readonly name = 'StartupFailure';
}
