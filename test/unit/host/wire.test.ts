import { describe, expect, it } from 'vitest';
import { parseClientMessage } from '../../../src-main/host/wire';

describe('parseClientMessage', () => {
  it('accepts {id, method, input}', () => {
    expect(parseClientMessage('{"id":3,"method":"workspace.tree","input":{}}')).toEqual({
      ok: true,
      id: 3,
      method: 'workspace.tree',
      input: {},
    });
  });

  it.each([
    [undefined, /Binary frames/],
    ['{', /not valid JSON/],
    ['null', /\{id, method, input\}/],
    ['[]', /\{id, method, input\}/],
    ['{"id":-1,"method":"x"}', /\{id, method, input\}/],
    ['{"id":1.5,"method":"x"}', /\{id, method, input\}/],
    ['{"id":"1","method":"x"}', /\{id, method, input\}/],
    [`{"id":1,"method":"${'m'.repeat(101)}"}`, /\{id, method, input\}/],
  ])('answers %s with a message instead of throwing', (text, message) => {
    const parsed = parseClientMessage(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});
