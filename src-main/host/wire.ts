import { z } from 'zod';

const clientMessageSchema = z.object({
  id: z.number().int().nonnegative(),
  method: z.string().max(100),
  input: z.unknown(),
});

export type ClientMessage = z.infer<typeof clientMessageSchema>;

/** A WebSocket frame from the browser: `{ id, method, input }`. Anything else is answered, not thrown. */
export function parseClientMessage(
  text: string | undefined,
): ({ ok: true } & ClientMessage) | { ok: false; message: string } {
  if (text === undefined) return { ok: false, message: 'Binary frames are not accepted.' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The message is not valid JSON.' };
  }
  const parsed = clientMessageSchema.safeParse(json);
  return parsed.success
    ? { ok: true, ...parsed.data }
    : { ok: false, message: 'The message must be {id, method, input}.' };
}
