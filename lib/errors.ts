/** An error whose message is meant for the user (Dutch), with the HTTP status it maps to. */
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 423 | 429 = 400,
    readonly code = 'FOUT',
  ) {
    super(message);
    this.name = 'AppError';
  }
}
