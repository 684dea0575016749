/**
 * Lets Node load the web pages' `.tsx` files. Node runs `.ts` by stripping types, but JSX is not a
 * type: this hook compiles each `.tsx` file with esbuild as it is loaded (React's automatic
 * runtime, a source map inline so stack traces point at the `.tsx` lines). Loaded with
 * `node --import ./src/web/jsx.ts` by every npm script that runs Balai (ADR 0013).
 */
import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

registerHooks({
  load(url, context, nextLoad) {
    if (!url.startsWith('file:') || !url.endsWith('.tsx')) return nextLoad(url, context);
    const file = fileURLToPath(url);
    const { code } = transformSync(readFileSync(file, 'utf8'), {
      loader: 'tsx',
      jsx: 'automatic',
      format: 'esm',
      target: 'node24',
      sourcemap: 'inline',
      sourcefile: file,
    });
    return { format: 'module', source: code, shortCircuit: true };
  },
});
