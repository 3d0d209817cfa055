/** The whole file cannot be read; the message (Dutch) says why and what to do. */
export class FileRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileRejected';
  }
}
