import type { Connection, ConnectionKind } from '../../../src-shared/contract/model';
import { CONNECTION_FORMS, type ConnectionDraft } from './connection-forms';

export type { ConnectionDraft };
export { CONNECTION_KINDS } from './connection-forms';

const BLANK: Omit<ConnectionDraft, 'kind'> = {
  file: '',
  host: '',
  port: '',
  instance: '',
  database: '',
  user: '',
  connectionString: '',
  tls: 'disable',
  encrypt: true,
  trustServerCertificate: false,
};

export function emptyConnectionDraft(kind: ConnectionKind = 'odbc'): ConnectionDraft {
  return { ...BLANK, ...CONNECTION_FORMS[kind].defaults, kind };
}

export function toConnectionDraft(connection: Connection): ConnectionDraft {
  const draft: ConnectionDraft = { ...emptyConnectionDraft(connection.kind) };
  for (const [key, value] of Object.entries(connection)) {
    if (key === 'kind' || value === undefined) continue;
    (draft as unknown as Record<string, unknown>)[key] = typeof value === 'number' ? String(value) : value;
  }
  return draft;
}

/** The value sent to the service: the visible fields of the kind; the service validates and names wrong fields. */
export function fromConnectionDraft(draft: ConnectionDraft): Record<string, unknown> {
  const out: Record<string, unknown> = { kind: draft.kind };
  for (const field of CONNECTION_FORMS[draft.kind].fields) {
    if (field.input !== 'checkbox' && field.input !== 'select' && field.hidden?.(draft)) continue;
    const value = draft[field.key];
    if (field.input === 'number') {
      if (String(value).trim() !== '') out[field.key] = Number(value);
    } else if (field.key === 'instance') {
      if (String(value).trim() !== '') out[field.key] = value;
    } else out[field.key] = value;
  }
  return out;
}

/** Switching kinds keeps what was typed; a port still at the old kind's default follows the new kind. */
export function withKind(draft: ConnectionDraft, kind: ConnectionKind): ConnectionDraft {
  const oldDefault = CONNECTION_FORMS[draft.kind].defaults.port ?? '';
  const port =
    draft.port === '' || draft.port === oldDefault ? (CONNECTION_FORMS[kind].defaults.port ?? '') : draft.port;
  return { ...draft, kind, port };
}
