import { loader, type Monaco } from '@monaco-editor/react';
import type { EditorTypings } from '@/scripts/editorTypings';

/** Monaco's AMD build, served by this app from node_modules (public/monaco is a symlink): no CDN. */
export const MONACO_VS = '/monaco/vs';

/** Monaco 0.52 ships Chinese UI strings; the loader picks them by this name. */
const MONACO_LANGUAGES: Record<string, string | undefined> = { zh: 'zh-cn' };

let loaderConfigured = false;

/** Points @monaco-editor/react at the local copy, once, before the first editor mounts. */
export function configureMonacoLoader(locale: string): void {
  if (loaderConfigured) return;
  loaderConfigured = true;
  const language = MONACO_LANGUAGES[locale];
  loader.config({
    // Absolute: Monaco's web workers start from blob: URLs, where a path alone does not resolve.
    paths: { vs: new URL(MONACO_VS, window.location.origin).href },
    ...(language ? { 'vs/nls': { availableLanguages: { '*': language } } } : {}),
  });
}

let typescriptReady: Promise<void> | undefined;

/**
 * Scripts run as Node ES modules with top-level await, so the editor checks them the same way:
 * ES2022, no DOM, Node's globals and the client libraries' declaration files (built by the
 * typings route from node_modules). Idempotent: every editor on the page shares the result.
 */
export function configureTypeScript(monaco: Monaco, typingsUrl: string): Promise<void> {
  typescriptReady ??= (async () => {
    const ts = monaco.languages.typescript;
    ts.typescriptDefaults.setCompilerOptions({
      target: 9 as typeof ts.ScriptTarget.ESNext, // ES2022; the enum in 0.52's typings stops at ES2020
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.NodeJs,
      moduleDetection: 3, // force: every file is a module, so scripts never clash on top-level names
      lib: ['es2022'],
      types: [],
      strict: true,
      esModuleInterop: true,
      allowSyntheticDefaultImports: true,
      skipLibCheck: true,
      noEmit: true,
      allowNonTsExtensions: true,
    });
    ts.typescriptDefaults.setDiagnosticsOptions({
      noSemanticValidation: false,
      noSyntaxValidation: false,
    });
    const response = await fetch(typingsUrl);
    if (!response.ok) throw new Error(`${typingsUrl}: HTTP ${response.status}`);
    const typings = (await response.json()) as EditorTypings;
    const libs = Object.entries(typings.files).map(([file, content]) => ({
      content,
      filePath: `file:///node_modules/${file}`,
    }));
    // Node built-ins left out of the bundle still import fine, typed as any.
    const shorthand = typings.shorthandModules.map((m) => `declare module '${m}';`).join('\n');
    libs.push({
      content: shorthand,
      filePath: 'file:///node_modules/@types/mqlab-shorthand/index.d.ts',
    });
    ts.typescriptDefaults.setExtraLibs(libs);
  })();
  return typescriptReady;
}

/** Model URI of a learner file; every file sits at the root, next to node_modules. */
export function modelPath(name: string): string {
  return `file:///${name}`;
}
