import { TLS_MODES, type ConnectionKind } from '../../../src-shared/contract/model';

/** Every field any connection kind has, as the form edits it (text for inputs, booleans for boxes). */
export interface ConnectionDraft {
  kind: ConnectionKind;
  file: string;
  host: string;
  port: string;
  instance: string;
  database: string;
  user: string;
  connectionString: string;
  tls: (typeof TLS_MODES)[number];
  encrypt: boolean;
  trustServerCertificate: boolean;
}

type TextKey = 'file' | 'host' | 'port' | 'instance' | 'database' | 'user' | 'connectionString';

export type FieldSpec =
  | {
      key: TextKey;
      input: 'text' | 'number';
      label: string;
      help?: string;
      suggestions?: 'odbc';
      hidden?: (draft: ConnectionDraft) => boolean;
    }
  | { key: 'tls'; input: 'select'; label: string; help?: string; options: readonly string[] }
  | {
      key: 'encrypt' | 'trustServerCertificate';
      input: 'checkbox';
      label: string;
      disabled?: (draft: ConnectionDraft) => boolean;
    };

export interface ConnectionForm {
  fields: FieldSpec[];
  /** Kinds with a login get the separate, encrypted password field. */
  password: boolean;
  defaults: Partial<ConnectionDraft>;
}

const serverFields = (withTls: boolean): FieldSpec[] => [
  { key: 'host', input: 'text', label: 'system.host' },
  { key: 'port', input: 'number', label: 'system.port' },
  { key: 'database', input: 'text', label: 'system.database' },
  { key: 'user', input: 'text', label: 'system.user' },
  ...(withTls
    ? [{ key: 'tls', input: 'select', label: 'system.tls', help: 'system.tlsHelp', options: TLS_MODES } as const]
    : []),
];

/**
 * One descriptor per connection kind: the form, the draft defaults and what is sent to the
 * service all come from here, so a kind's fields are described once. Labels are i18n keys.
 */
export const CONNECTION_FORMS: Record<ConnectionKind, ConnectionForm> = {
  odbc: {
    fields: [
      {
        key: 'connectionString',
        input: 'text',
        label: 'system.connectionString',
        help: 'system.connectionStringHelp',
        suggestions: 'odbc',
      },
    ],
    password: true,
    defaults: {},
  },
  mssql: {
    fields: [
      { key: 'host', input: 'text', label: 'system.host' },
      { key: 'instance', input: 'text', label: 'system.instance', help: 'system.instanceHelp' },
      { key: 'port', input: 'number', label: 'system.port', hidden: (draft) => draft.instance.trim() !== '' },
      { key: 'database', input: 'text', label: 'system.database' },
      { key: 'user', input: 'text', label: 'system.user' },
      { key: 'encrypt', input: 'checkbox', label: 'system.encrypt' },
      {
        key: 'trustServerCertificate',
        input: 'checkbox',
        label: 'system.trustServerCertificate',
        disabled: (draft) => !draft.encrypt,
      },
    ],
    password: true,
    defaults: { port: '1433' },
  },
  mysql: { fields: serverFields(true), password: true, defaults: { port: '3306' } },
  postgres: { fields: serverFields(true), password: true, defaults: { port: '5432' } },
  sqlite: { fields: [{ key: 'file', input: 'text', label: 'system.file' }], password: false, defaults: {} },
};

export const CONNECTION_KINDS: ConnectionKind[] = ['odbc', 'mssql', 'mysql', 'postgres', 'sqlite'];
