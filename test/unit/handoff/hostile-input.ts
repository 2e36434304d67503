import type { ExternalSystem, Integration } from '../../../src-shared/contract/model';
import type { HandoffInput } from '../../../src-main/transfer/handoff';
import { APP_VERSION, GENERATED_AT } from './sample-sheets';

/** Names, a connection string and SQL that would be markup, syntax or control codes if not escaped. */
export const HOSTILE_SYSTEM_NAME = `<script>alert("pwned")</script> & 'Co' "../../x"`;
export const HOSTILE_INTEGRATION_NAME = 'Calls | `ticks` *bold* [link](http://x) #';
export const HOSTILE_SQL = [
  "SELECT '</code></pre><script>alert(1)</script>' AS queuename,",
  "  '```' AS fence, '````' AS longer_fence, 'a|b' AS pipe,",
  "  'tab\there' AS t, 'bell\u0007 nul\u0000 esc\u001b del\u007f' AS controls",
  'FROM queues -- <!-- not a comment in HTML -->',
].join('\r\n');

export function hostileInput(): HandoffInput {
  const system: ExternalSystem = {
    id: 7,
    name: HOSTILE_SYSTEM_NAME,
    vendor: 'universal',
    timeZone: 'UTC',
    connection: { kind: 'odbc', connectionString: 'DSN=<img src=x onerror=alert(1)>;DELIMIDENT=y;' },
    passwordSet: false,
    isDemo: false,
  };
  const integration: Integration = {
    id: 8,
    systemId: 7,
    name: HOSTILE_INTEGRATION_NAME,
    importType: 'interval',
    intervalMinutes: 15,
    sql: HOSTILE_SQL,
    ruleSet: 'wfm-2024-05',
    realTime: false,
    reconciliation: true,
    paused: false,
  };
  return { system, integration, generatedAt: GENERATED_AT, appVersion: APP_VERSION };
}
