/**
 * Errors the local cloud answers with. Codes and messages follow what CloudBase answers (the SDK
 * turns any reply carrying `code` into a thrown TcbError with that code and message), so code
 * that handles a CloudBase error here handles it in production too.
 */
export class CloudError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CloudError';
  }
}

export const collectionNotExist = (name: string): CloudError =>
  new CloudError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us. (collection: ${name})`,
  );

export const collectionAlreadyExists = (name: string): CloudError =>
  new CloudError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} already exists`);

export const duplicateWrite = (collection: string, index: string): CloudError =>
  new CloudError(
    'DATABASE_DUPLICATE_WRITE',
    `[DuplicateWrite] E11000 duplicate key error collection: ${collection} index: ${index}`,
  );

/** Same code the SDK's runTransaction retries on (ERRORS.DATABASE_TRANSACTION_CONFLICT). */
export const transactionConflict = (detail: string): CloudError =>
  new CloudError('DATABASE_TRANSACTION_CONFLICT', `[WriteConflict] database transaction conflict: ${detail}`);

export const transactionNotExist = (id: string): CloudError =>
  new CloudError('DATABASE_TRANSACTION_NOT_EXIST', `transaction ${id} does not exist, was committed, aborted or expired`);

export const invalidParam = (message: string): CloudError => new CloudError('INVALID_PARAM', message);

/** A query, update or pipeline the database refuses (unknown operator, bad operand...). */
export const requestFailed = (message: string): CloudError => new CloudError('DATABASE_REQUEST_FAILED', message);

export const unsupported = (what: string): CloudError =>
  new CloudError('DATABASE_REQUEST_FAILED', `[localcloud] ${what} is not supported by the local cloud`);

export const functionNotFound = (name: string): CloudError =>
  new CloudError('FUNCTION_NOT_FOUND', `[ResourceNotFound.Function] function ${name} not found`);

/** Any failure that is not already a CloudError becomes DATABASE_REQUEST_FAILED, keeping the detail. */
export function asCloudError(err: unknown): CloudError {
  if (err instanceof CloudError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return requestFailed(message);
}
