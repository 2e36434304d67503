import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { isAppBundleUrl } from '../../../src-main/electron/app-protocol';
import type { InvokeEventLike } from '../../../src-main/electron/ipc-host';
import { DOWNLOAD_CHANNEL, registerSaveDownload, type SaveDialogLike } from '../../../src-main/electron/save-download';
import { copyFileAtomic } from '../../../src-main/transfer/copy-file-atomic';
import { ExportStaging } from '../../../src-main/transfer/export-staging';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs('acd-save-');
type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

function setUp(answer: Awaited<ReturnType<SaveDialogLike['showSaveDialog']>>) {
  const dir = tempDir();
  const staging = new ExportStaging(dir.join('home'));
  staging.clean();
  const slot = staging.reserve('acd-link-workspace.json');
  fs.writeFileSync(slot.path, '{"formatVersion":1}');
  const handlers = new Map<string, Listener>();
  const dialog = { showSaveDialog: vi.fn(async (_options: Parameters<SaveDialogLike['showSaveDialog']>[0]) => answer) };
  const unregister = registerSaveDownload({
    ipcMain: {
      handle: (channel, listener) => handlers.set(channel, listener),
      removeHandler: (c) => handlers.delete(c),
    },
    dialog,
    resolve: (id) => staging.resolve(id),
    copy: copyFileAtomic,
    isTrustedSender: isAppBundleUrl,
    defaultFolder: () => dir.path,
  });
  const save = (frameUrl: string | undefined, id: unknown) =>
    handlers.get(DOWNLOAD_CHANNEL)!(
      frameUrl === undefined ? { senderFrame: null } : { senderFrame: { url: frameUrl } },
      id,
    );
  return { dir, slot, dialog, save, handlers, unregister };
}

describe('registerSaveDownload (Electron save dialog)', () => {
  it('copies the staged export to the path the user chose, offering its file name', async () => {
    const target = tempDir().join('chosen.json');
    const { slot, dialog, save } = setUp({ canceled: false, filePath: target });

    expect(await save('app://bundle/index.html', slot.downloadId)).toEqual({ saved: true, path: target });
    expect(fs.readFileSync(target, 'utf8')).toBe('{"formatVersion":1}');
    expect(dialog.showSaveDialog.mock.calls[0]?.[0]).toMatchObject({
      defaultPath: expect.stringMatching(/acd-link-workspace\.json$/),
      filters: [{ name: 'JSON', extensions: ['json'] }],
    });
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { slot, save, dir } = setUp({ canceled: true });
    expect(await save('app://bundle/index.html', slot.downloadId)).toEqual({ saved: false });
    expect(fs.readdirSync(dir.path)).toEqual(['home']);
  });

  it('refuses other frames and unknown ids without opening a dialog', async () => {
    const { slot, save, dialog } = setUp({ canceled: false, filePath: '/tmp/never' });
    expect(await save('https://evil.example/', slot.downloadId)).toMatchObject({ saved: false });
    expect(await save(undefined, slot.downloadId)).toMatchObject({ saved: false });
    expect(await save('app://bundle/index.html', '../../etc/passwd')).toMatchObject({
      saved: false,
      error: expect.stringMatching(/no longer available/),
    });
    expect(dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('reports a target it cannot write, leaving no file behind', async () => {
    const missingFolder = tempDir().join('missing', 'x.json');
    const { slot, save } = setUp({ canceled: false, filePath: missingFolder });
    const answer = await save('app://bundle/index.html', slot.downloadId);
    expect(answer).toMatchObject({ saved: false, error: expect.stringMatching(/nothing was written/) });
    expect(fs.existsSync(missingFolder)).toBe(false);
  });

  it('unregisters its channel', () => {
    const { handlers, unregister } = setUp({ canceled: true });
    unregister();
    expect(handlers.has(DOWNLOAD_CHANNEL)).toBe(false);
  });
});
