// The editor of the problem page: CodeMirror 6 with Python, 4-space indent, bracket matching,
// search and the usual keymaps. Exposed as window.MianjingEditor.create(parent, doc, {onChange, onSubmit}).
import { EditorState } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  drawSelection, rectangularSelection, highlightSpecialChars,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
  indentUnit, bracketMatching, foldGutter, foldKeymap, syntaxHighlighting, defaultHighlightStyle,
  indentOnInput,
} from "@codemirror/language";
import { searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { python } from "@codemirror/lang-python";

function create(parent, doc, { onChange = () => {}, onSubmit = () => {}, onRun = () => {} } = {}) {
  const submitKeys = keymap.of([
    { key: "Mod-Enter", run: () => { onSubmit(); return true; } },
    { key: "Mod-'", run: () => { onRun(); return true; } },
  ]);
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        submitKeys,
        lineNumbers(), highlightActiveLineGutter(), highlightSpecialChars(), history(), foldGutter(),
        drawSelection(), indentOnInput(), bracketMatching(), closeBrackets(), rectangularSelection(),
        highlightActiveLine(), highlightSelectionMatches(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        indentUnit.of("    "), EditorState.tabSize.of(4),
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap,
                   ...foldKeymap, indentWithTab]),
        python(),
        EditorView.updateListener.of((u) => { if (u.docChanged) onChange(u.state.doc.toString()); }),
      ],
    }),
  });
  return {
    view,
    get: () => view.state.doc.toString(),
    set: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    focus: () => view.focus(),
  };
}

window.MianjingEditor = { create };
