const KIB = 1024;
const MIB = 1024 * 1024;

// "812 bytes" but "12.4 kB": the short form of byte is the singular "byte", which reads wrong.
const formatter = (unit: 'byte' | 'kilobyte' | 'megabyte') =>
  new Intl.NumberFormat('en-US', {
    style: 'unit',
    unit,
    unitDisplay: unit === 'byte' ? 'long' : 'short',
    maximumFractionDigits: 1,
  });

/**
 * A file size as people read it (binary multiples, as file managers on Windows show them), so
 * "2 MB" in a limit message matches the 2 × 1024 × 1024 bytes the services check.
 */
export function formatBytes(bytes: number): string {
  if (bytes < KIB) return formatter('byte').format(bytes);
  if (bytes < MIB) return formatter('kilobyte').format(bytes / KIB);
  return formatter('megabyte').format(bytes / MIB);
}
