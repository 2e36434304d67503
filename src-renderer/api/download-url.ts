/**
 * Where web mode serves a staged export: the host answers with Content-Disposition: attachment.
 * The token guards it like the WebSocket; the id is the only thing that names the file.
 */
export function downloadUrl(downloadId: string, token: string): string {
  return `/downloads/${encodeURIComponent(downloadId)}?token=${encodeURIComponent(token)}`;
}
