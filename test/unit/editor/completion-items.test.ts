import { describe, expect, it } from 'vitest';
import {
  completionItems,
  quoteIdentifier,
  type CompletionCatalogue,
  type CompletionItem,
} from '../../../src-renderer/features/editor/completion-items';
import { contractAliases } from '../../../src-shared/templates/contract-aliases';

const LABELS = {
  required: 'required',
  optional: 'optional',
  alreadyUsed: 'in the query',
  table: 'table',
  keyword: 'keyword',
};

const CATALOGUE: CompletionCatalogue = {
  tables: [
    { schema: 'public', name: 'contact_log' },
    { schema: 'public', name: 'queues' },
    { schema: 'reporting', name: 'agent_state_log' },
  ],
  columns: [
    { table: 'contact_log', name: 'arrived_at', type: 'timestamp' },
    { table: 'contact_log', name: 'handle_seconds', type: 'integer' },
    { table: 'queues', name: 'queue_code', type: 'text' },
    { table: 'queues', name: 'display_name', type: 'text' },
    { table: 'agent_state_log', name: 'state_code', type: 'text' },
  ],
  aliases: contractAliases('interval'),
};

/** Completes with the cursor at `|`. */
function complete(textWithCursor: string, catalogue = CATALOGUE): CompletionItem[] {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.replace('|', '');
  return completionItems(text, offset, catalogue, LABELS).sort((a, b) => a.sortText.localeCompare(b.sortText));
}
const labels = (items: CompletionItem[]) => items.map((item) => item.label);

describe('completion after AS', () => {
  it('offers only the contract aliases, required before optional, with the description as documentation', () => {
    const items = complete('SELECT q.queue_code AS |');
    expect(items.every((item) => item.kind === 'alias')).toBe(true);
    expect(labels(items)).toEqual(contractAliases('interval').map((alias) => alias.name));
    expect(items.find((item) => item.label === 'channel')).toMatchObject({ detail: 'optional' });
    expect(items[0]).toMatchObject({ label: 'queueidentifier', detail: 'required', documentation: expect.any(String) });
  });

  it('moves aliases the query already has to the end, marked', () => {
    const items = complete('SELECT q.queue_code AS queueidentifier, q.display_name AS "queuename", x AS que|');
    expect(labels(items).slice(-2)).toEqual(['queueidentifier', 'queuename']);
    expect(items.at(-1)?.detail).toBe('required · in the query');
  });

  it('offers types, not aliases, inside CAST( … AS', () => {
    const items = complete('SELECT CAST(s.offered AS |');
    expect(items.every((item) => item.kind === 'keyword')).toBe(true);
    expect(labels(items)).toContain('INTEGER');
    expect(complete('SELECT CAST(a AS INTEGER) AS |')[0]?.kind).toBe('alias');
  });

  it('follows the rule set the caller passes: no offered for 2024-05 contact data', () => {
    const contact = { ...CATALOGUE, aliases: contractAliases('contact', 'wfm-2024-05') };
    expect(labels(complete('SELECT 1 AS |', contact))).not.toContain('offered');
    expect(
      labels(complete('SELECT 1 AS |', { ...contact, aliases: contractAliases('contact', 'wfm-2023-12') })),
    ).toContain('offered');
  });
});

describe('completion of tables and columns', () => {
  it('offers tables after FROM and JOIN, qualified outside the default schema', () => {
    for (const text of ['SELECT * FROM |', 'SELECT * FROM contact_log c JOIN q|']) {
      const items = complete(text);
      expect(items.every((item) => item.kind === 'table')).toBe(true);
      expect(items.find((item) => item.label === 'agent_state_log')?.insertText).toBe('reporting.agent_state_log');
      expect(items.find((item) => item.label === 'queues')?.insertText).toBe('queues');
    }
  });

  it('offers the columns of the table behind an alias after "alias."', () => {
    const text = 'SELECT c.| FROM contact_log AS c JOIN queues q ON q.queue_id = c.queue_id';
    expect(labels(complete(text))).toEqual(['arrived_at', 'handle_seconds']);
    expect(labels(complete('SELECT q.| FROM contact_log AS c JOIN queues q ON 1 = 1'))).toEqual([
      'display_name',
      'queue_code',
    ]);
    expect(labels(complete('SELECT queues.| FROM queues'))).toEqual(['display_name', 'queue_code']);
    expect(labels(complete('SELECT * FROM reporting.|'))).toEqual(['agent_state_log']);
    expect(complete('SELECT nothing.| FROM queues')).toEqual([]);
  });

  it('reads comma lists after FROM and does not take JOIN or WHERE for an alias', () => {
    expect(labels(complete('SELECT q.| FROM contact_log c, queues q'))).toEqual(['display_name', 'queue_code']);
    expect(labels(complete('SELECT queues.| FROM contact_log JOIN queues WHERE 1 = 1'))).toEqual([
      'display_name',
      'queue_code',
    ]);
  });

  it('elsewhere ranks columns of the tables the query mentions first, then aliases, tables, other columns, keywords', () => {
    const items = complete('SELECT | FROM queues');
    const kinds = items.map((item) => `${item.kind}${item.kind === 'column' ? `:${item.detail}` : ''}`);
    expect(kinds.slice(0, 2)).toEqual(['column:text · queues', 'column:text · queues']);
    const firstOf = (kind: string) => items.findIndex((item) => item.kind === kind);
    expect(firstOf('alias')).toBe(2);
    expect(firstOf('alias')).toBeLessThan(firstOf('table'));
    expect(labels(items).indexOf('arrived_at')).toBeGreaterThan(firstOf('table'));
    expect(items.at(-1)?.kind).toBe('keyword');
  });
});

describe('completion stays quiet where nothing fits', () => {
  it('offers nothing inside a string or a comment', () => {
    expect(complete("SELECT 'AS |")).toEqual([]);
    expect(complete('SELECT 1 -- FROM |')).toEqual([]);
    expect(complete('SELECT /* c.| */')).toEqual([]);
    expect(complete("SELECT 'it''s' AS |")[0]?.kind).toBe('alias');
    expect(complete('-- note\nSELECT 1 AS |')[0]?.kind).toBe('alias');
  });

  it('works without any catalogue: aliases and keywords only', () => {
    const empty = { tables: [], columns: [], aliases: contractAliases('agent-states') };
    const kinds = new Set(complete('SELECT |', empty).map((item) => item.kind));
    expect([...kinds]).toEqual(['alias', 'keyword']);
  });
});

describe('quoteIdentifier', () => {
  it('quotes only names that need it, in the dialect’s way', () => {
    expect(quoteIdentifier('queue_code')).toBe('queue_code');
    expect(quoteIdentifier('Queue Name')).toBe('"Queue Name"');
    expect(quoteIdentifier('order')).toBe('"order"');
    expect(quoteIdentifier('say "hi"')).toBe('"say ""hi"""');
    expect(quoteIdentifier('Queue Name', 'mysql')).toBe('`Queue Name`');
  });
});
