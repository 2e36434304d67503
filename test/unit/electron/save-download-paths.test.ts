import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { isAppBundleUrl } from '../../../src-main/electron/app-protocol';
import type { InvokeEventLike } from '../../../src-main/electron/ipc-host';
import { DOWNLOAD_CHANNEL, registerSaveDownload } from '../../../src-main/electron/save-download';
import { type AtomicWriteOptions, openAtomicWriter } from '../../../src-main/files/atomic-file';
import { journalFolder } from '../../../src-main/files/write-journal';
import { copyFileAtomic } from '../../../src-main/transfer/copy-file-atomic';
import { ExportStaging } from '../../../src-main/transfer/export-staging';
import { sha256File } from '../../support/files';
import { useTempDirs } from '../../support/temp-dir';

const tempDir = useTempDirs('acd-save-paths-');
type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
type Copy = (source: string, target: string, options: AtomicWriteOptions) => Promise<number>;

/** A data folder with a key, a staged export, and the save handler answering `filePath` from the dialog. */
function setUp(filePath: string | ((home: string) => string), copy: Copy = copyFileAtomic) {
  const dir = tempDir();
  const home = dir.join('home');
  const staging = new ExportStaging(home);
  staging.clean();
  const key = path.join(home, 'secrets.key');
  fs.writeFileSync(key, 'KEY');
  const slot = staging.reserve('acd-link-workspace.json');
  fs.writeFileSync(slot.path, '{"formatVersion":1}');
  const handlers = new Map<string, Listener>();
  const copySpy = vi.fn(copy);
  registerSaveDownload({
    ipcMain: { handle: (channel, listener) => handlers.set(channel, listener), removeHandler: () => undefined },
    dialog: {
      showSaveDialog: async () => ({
        canceled: false,
        filePath: typeof filePath === 'string' ? filePath : filePath(home),
      }),
    },
    resolve: (id) => staging.resolve(id),
    copy: copySpy,
    isTrustedSender: isAppBundleUrl,
    defaultFolder: () => dir.path,
  });
  const save = () =>
    handlers.get(DOWNLOAD_CHANNEL)!({ senderFrame: { url: 'app://bundle/index.html' } }, slot.downloadId);
  return { dir, home, key, save, copySpy };
}

describe('the save dialog cannot write into the data folder', () => {
  it.each([
    { label: 'the key file itself', choose: (home: string) => path.join(home, 'secrets.key') },
    { label: 'a new file in the data folder', choose: (home: string) => path.join(home, 'exports', 'x.json') },
    {
      label: 'the key through a linked folder',
      choose: (home: string) => {
        const link = path.join(path.dirname(home), 'documents-link');
        fs.symlinkSync(home, link);
        return path.join(link, 'secrets.key');
      },
    },
  ])('refuses $label, saying where, and writes nothing', async ({ choose }) => {
    const { home, key, save, copySpy } = setUp(choose);
    const before = sha256File(key);
    const answer = (await save()) as { saved: boolean; error?: string };
    expect(answer.saved).toBe(false);
    expect(answer.error).toMatch(
      new RegExp(
        `^Not saved: .* is the workspace or inside the data folder \\(${escape(home)}\\); choose a file elsewhere; nothing was written\\.$`,
      ),
    );
    expect(copySpy).not.toHaveBeenCalled();
    expect(sha256File(key)).toBe(before);
  });

  it('refuses a chosen file that is a symbolic link', async () => {
    const { key, save } = setUp((home) => {
      const link = path.join(path.dirname(home), 'bundle.json');
      fs.symlinkSync(path.join(home, 'secrets.key'), link);
      return link;
    });
    const before = sha256File(key);
    expect(await save()).toMatchObject({
      saved: false,
      error: expect.stringMatching(/is a symbolic link \(to .*secrets\.key\)/),
    });
    expect(sha256File(key)).toBe(before);
  });

  it('records the temp file in the data folder while copying, and forgets it once saved', async () => {
    let recorded: unknown[] = [];
    const target = (home: string) => path.join(path.dirname(home), 'saved.json');
    const { home, save } = setUp(target, async (source, chosen, options) => {
      const writer = await openAtomicWriter(chosen, options);
      const journal = journalFolder(home);
      recorded = fs.readdirSync(journal).map((name) => JSON.parse(fs.readFileSync(path.join(journal, name), 'utf8')));
      await writer.write(fs.readFileSync(source));
      await writer.commit();
      return writer.bytesWritten;
    });
    expect(await save()).toEqual({ saved: true, path: target(home) });
    expect(recorded).toEqual([
      { pid: process.pid, tempPath: expect.stringMatching(/\.saved\.json\.\d+\.[0-9a-f]+\.acd-link-tmp$/) },
    ]);
    expect(path.dirname((recorded[0] as { tempPath: string }).tempPath)).toBe(path.dirname(home));
    expect(fs.readdirSync(journalFolder(home))).toEqual([]);
    expect(fs.readFileSync(target(home), 'utf8')).toBe('{"formatVersion":1}');
  });
});
