import fs from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import { renderHandoffHtml, renderHandoffMarkdown, type HandoffInput } from '../../../src-main/transfer/handoff';
import { SAMPLE_SHEETS } from './sample-sheets';

const FIXTURES = path.resolve(__dirname, '../../fixtures/handoff');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const FORMATS = [
  { ext: 'html', parser: 'html', render: renderHandoffHtml },
  { ext: 'md', parser: 'markdown', render: renderHandoffMarkdown },
] as const satisfies readonly { ext: string; parser: string; render: (input: HandoffInput) => string }[];

/**
 * The golden files are kept in Prettier's layout, because `npm test` checks every file of the
 * repository with `prettier --check`; the output is compared in that same layout. Prettier keeps
 * text, escapes and <pre> contents as they are, so any change of what the sheet says shows up.
 */
async function prettierLayout(text: string, file: string, parser: string): Promise<string> {
  const config = (await resolveConfig(file)) ?? {};
  return format(text, { ...config, parser, filepath: file });
}

describe('hand-off sheet golden files (regenerate with UPDATE_GOLDEN=1)', () => {
  for (const [name, input] of Object.entries(SAMPLE_SHEETS)) {
    for (const { ext, parser, render } of FORMATS) {
      it(`${name}.golden.${ext}`, async () => {
        const file = path.join(FIXTURES, `${name}.golden.${ext}`);
        const actual = await prettierLayout(render(input), file, parser);
        if (UPDATE) {
          fs.mkdirSync(FIXTURES, { recursive: true });
          fs.writeFileSync(file, actual);
        }
        if (!fs.existsSync(file)) throw new Error(`${file} is missing: run the test with UPDATE_GOLDEN=1 to create it`);
        const golden = fs.readFileSync(file, 'utf8');
        expect(actual).toBe(golden);
        // What `prettier --check .` will see: the golden file is already in its layout.
        expect(await prettierLayout(golden, file, parser)).toBe(golden);
      });
    }
  }
});
