/**
 * The DCAT-AP 3.0.1 shapes and a validator over them, for the suites that check the catalogue's
 * RDF (the unit suite over hand-made views, the app's suite over a real catalogue): the release's
 * `dcat-ap-SHACL.ttl` and `ranges.ttl`, kept in `test/standards/` (the same files as
 * `../shared/standards/` beside the project), so that the suites run wherever it is cloned.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JsonLdParser } from 'jsonld-streaming-parser';
import { Parser, type Quad, Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
/** The release's shapes, kept in the repository (test/standards/README.md says whence). */
export const SHAPES_DIR = path.join(repoRoot, 'test/standards/dcat-ap-3.0.1');
/** The same files beside the project, where the project's shared standards are kept. */
export const SHARED_SHAPES_DIR = path.resolve(repoRoot, '../shared/standards/dcat-ap-3.0.1');
export const SHAPE_FILES = ['dcat-ap-SHACL.ttl', 'ranges.ttl'];

export function loadShapes(): Store {
  const store = new Store();
  for (const file of SHAPE_FILES) {
    const where = path.join(SHAPES_DIR, file);
    if (!existsSync(where)) {
      assert.fail(
        `The DCAT-AP 3.0.1 shapes are missing: ${where}. Put the release's shacl/${file} there ` +
          '(SEMICeu/DCAT-AP, releases/3.0.1/shacl/); see test/standards/README.md.',
      );
    }
    store.addQuads(new Parser({ baseIRI: `file://${where}` }).parse(readFileSync(where, 'utf8')));
  }
  return store;
}

let validator: SHACLValidator | undefined;

export type Finding = { focus: string; path: string; message: string; shape: string };

export async function findings(data: Store): Promise<Finding[]> {
  validator ??= new SHACLValidator(loadShapes());
  const report = await Promise.resolve(validator.validate(data));
  return report.results.map((r) => ({
    focus: r.focusNode?.value ?? '',
    path: r.path?.value ?? '',
    message: r.message.map((m) => m.value).join('; '),
    shape: r.sourceShape?.value ?? '',
  }));
}

export async function assertConforms(data: Store, what: string) {
  const found = await findings(data);
  assert.deepEqual(found, [], `${what} breaks the DCAT-AP 3.0.1 shapes`);
}

export const parseTurtle = (text: string) => new Store(new Parser().parse(text));

export function parseJsonLd(text: string): Promise<Store> {
  return new Promise((resolve, reject) => {
    const store = new Store();
    const parser = new JsonLdParser();
    parser.on('data', (q: Quad) => store.addQuad(q));
    parser.on('error', reject);
    parser.on('end', () => resolve(store));
    parser.write(text);
    parser.end();
  });
}
