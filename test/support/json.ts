/** JSON bodies in assertions: tests index into arbitrary shapes, and an assertion failing is the check. */
// biome-ignore lint/suspicious/noExplicitAny: assertions walk arbitrary JSON
export type Json = any;

export const readJson = async (res: Response): Promise<Json> => res.json();
