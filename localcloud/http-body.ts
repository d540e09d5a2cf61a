/**
 * Reading a request body with a size limit that ends in an answer: past the limit the rest is
 * read and dropped, so the client (which is still sending) gets the 413 instead of a reset.
 */
import type http from 'node:http';

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`request body exceeds ${limit} bytes`);
    this.name = 'BodyTooLarge';
  }
}

export function readLimited(req: http.IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= max) chunks.push(c);
    });
    req.on('end', () => (size > max ? reject(new BodyTooLarge(max)) : resolve(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}
