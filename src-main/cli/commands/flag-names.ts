const FLAGS: Record<string, string> = {
  name: '--name',
  vendor: '--vendor',
  timeZone: '--time-zone',
  'connection.kind': '--kind',
  'connection.file': '--file',
  'connection.host': '--host',
  'connection.port': '--port',
  'connection.instance': '--instance',
  'connection.database': '--database',
  'connection.user': '--user',
  'connection.connectionString': '--connection-string',
  importType: '--import-type',
  intervalMinutes: '--interval',
  ruleSet: '--rules',
  sql: '--sql',
};

export function flagFor(path: string): string {
  return FLAGS[path] ?? path;
}
