/**
 * Monaco as this app needs it, from the local package only (no CDN loader): the editor API, the
 * features an SQL text box uses, and the SQL language. Importing `monaco-editor` itself would
 * register every language and feature (TypeScript, CSS, JSON and HTML workers among them); this
 * module is only reached through the lazily loaded editor chunk.
 */
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import 'monaco-editor/languages/definitions/sql/register';
// The suggest widget: features/suggest/register only brings inline suggestions, so the
// controller comes from its module; it loads the snippet controller and the codicon font itself.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/codicon/register';
// Editing an admin expects from any code box.
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/readOnlyMessage/register';
// Ctrl+M lets Tab leave the editor: keyboard users must not be trapped in a form field.
import 'monaco-editor/features/toggleTabFocusMode/register';
// Pasted SQL can carry invisible or look-alike characters that break a query in puzzling ways;
// the highlighter explains them in a hover.
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/unicodeHighlighter/register';

// Only the generic editor worker is needed (word-based suggestions, diffing); SQL has no worker.
self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

export { editor, KeyCode, KeyMod, languages, Selection, type IDisposable } from 'monaco-editor/editor/editor.api';
