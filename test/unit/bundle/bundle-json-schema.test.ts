import fs from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { BUNDLE_SCHEMA_FILE, BUNDLE_SCHEMA_URL, bundleJsonSchema } from '../../../src-shared/contract/bundle-format';

const schemaFile = path.resolve(__dirname, '../../..', BUNDLE_SCHEMA_FILE);

/** The schema as committed: generated from the zod schema, then formatted as `prettier --check` expects. */
async function generatedText(): Promise<string> {
  const options = (await prettier.resolveConfig(schemaFile)) ?? {};
  return prettier.format(JSON.stringify(bundleJsonSchema()), { ...options, filepath: schemaFile });
}

describe('the published JSON Schema of the workspace bundle', () => {
  it(`${BUNDLE_SCHEMA_FILE} is what z.toJSONSchema generates (UPDATE_SCHEMAS=1 rewrites it)`, async () => {
    const expected = await generatedText();
    if (process.env.UPDATE_SCHEMAS === '1') {
      fs.mkdirSync(path.dirname(schemaFile), { recursive: true });
      fs.writeFileSync(schemaFile, expected);
    }
    const committed = fs.existsSync(schemaFile) ? fs.readFileSync(schemaFile, 'utf8') : '(missing)';
    expect(
      committed,
      `${BUNDLE_SCHEMA_FILE} is stale: run UPDATE_SCHEMAS=1 npx vitest run --project unit test/unit/bundle`,
    ).toBe(expected);
  });

  it('states the format, version 1, closed objects and the name rule', async () => {
    const schema = JSON.parse(await generatedText());
    expect(schema.$id).toBe(BUNDLE_SCHEMA_URL);
    expect(schema.properties.formatVersion).toMatchObject({ const: 1 });
    expect(schema.required).toEqual(['format', 'formatVersion', 'exportedAt', 'exportedBy', 'systems']);
    expect(schema.additionalProperties).toBe(false);
    const system = schema.properties.systems.items;
    expect(system.additionalProperties).toBe(false);
    const namePattern = new RegExp(system.properties.name.pattern);
    expect(['Avaya CMS', 'Sales (2)'].every((name) => namePattern.test(name))).toBe(true);
    expect(['a/b', 'a\\b', '..', 'tab\there'].some((name) => namePattern.test(name))).toBe(false);
  });
});
