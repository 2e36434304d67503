export type StoreErrorCode = 'STORE_TOO_NEW' | 'STORE_CORRUPT' | 'STORE_FOREIGN' | 'STORE_UNAVAILABLE';

/** A workspace file that cannot be opened safely; the file is always left as it was. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
