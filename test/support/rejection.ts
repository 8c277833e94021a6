import { RejectedArticleError } from '#shared/errors.js';

/** The reason of the rejection a parse ends in; anything else fails the test. */
export async function rejectionOf(parsing: Promise<unknown>): Promise<string> {
  try {
    await parsing;
  } catch (err) {
    if (err instanceof RejectedArticleError) return err.message;
    throw err;
  }
  throw new Error('expected a rejection');
}
