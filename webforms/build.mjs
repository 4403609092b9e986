// Build the form engine bundle into pipeline/stages/collect/static/webforms/ with the
// licences of every package it contains and a manifest (versions from package-lock.json,
// sha256 of each file) that tests/test_collect_webforms.py checks. The engine's interface
// strings are put in the page's language on the way (interface-text.mjs).
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { interfaceText } from './interface-text.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, '../pipeline/stages/collect/static/webforms');
const lock = JSON.parse(readFileSync(join(here, 'package-lock.json'), 'utf8'));

rmSync(out, { recursive: true, force: true });
await build({
  root: here,
  logLevel: 'warn',
  configFile: false,
  // the engine's English interface strings become look-ups in interface-text.json
  plugins: [
    {
      ...interfaceText({
        tablePath: join(here, 'interface-text.json'),
        lookupModule: join(here, 'src/interface-text.js'),
      }),
      enforce: 'pre',
    },
  ],
  define: {
    'process.env.NODE_ENV': '"production"',
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  build: {
    outDir: out,
    emptyOutDir: true,
    minify: true,
    sourcemap: false,
    chunkSizeWarningLimit: 5000,
    lib: { entry: join(here, 'src/engine.js'), formats: ['es'], fileName: () => 'engine.js' },
    rollupOptions: {
      output: { chunkFileNames: 'chunk-[hash].js' },
      onwarn(warning, warn) {
        // web-tree-sitter's Emscripten loader has an eval() on its dynamic-linking path,
        // which the engine never takes (it loads one WebAssembly module); the page's CSP
        // allows no eval, and the browser test sees no CSP violation
        if (warning.code !== 'EVAL') warn(warning);
      },
    },
  },
});

// The licences: every production package in package-lock.json (ODK Web Forms' own build
// inlines its dependencies, so the bundle's modules do not name them; the lock does), and
// NOTICE.md for what that build inlined from outside the npm dependency tree.
const licences = join(out, 'licenses');
mkdirSync(licences, { recursive: true });
const packages = {};
for (const [key, locked] of Object.entries(lock.packages).sort()) {
  if (!key || locked.dev) continue;
  const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
  const dir = join(here, key);
  const found = readdirSync(dir).filter((f) => /^(licen[cs]e|notice|copying)/i.test(f));
  let licenceFiles = found.map((f) => {
    const target = `${name.replace('/', '__')}--${f}`;
    copyFileSync(join(dir, f), join(licences, target));
    return `licenses/${target}`;
  });
  if (licenceFiles.length === 0 && locked.license === 'Apache-2.0') {
    // @getodk/web-forms ships no LICENSE file in its npm package; its package.json says
    // Apache-2.0, whose text is the same for every project (Debian's copy)
    const target = `${name.replace('/', '__')}--LICENSE-Apache-2.0.txt`;
    copyFileSync('/usr/share/common-licenses/Apache-2.0', join(licences, target));
    licenceFiles = [`licenses/${target}`];
  }
  if (licenceFiles.length === 0) throw new Error(`${name}: no licence file to ship`);
  packages[name] = { version: locked.version, license: locked.license, files: licenceFiles };
}
copyFileSync(join(here, 'NOTICE.md'), join(out, 'NOTICE.md'));

const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');
const files = {};
for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const path = join(entry.parentPath, entry.name);
  files[relative(out, path)] = sha256(path);
}
const sorted = Object.fromEntries(Object.entries(files).sort());
const manifest = { engine: '@getodk/web-forms', entry: 'engine.js', packages, files: sorted };
writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`built ${Object.keys(files).length} files (${Object.keys(packages).length} packages) in ${out}`);
