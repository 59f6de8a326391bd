import { Document, isMap, isNode, isScalar, LineCounter, parseDocument, visit } from 'yaml';

/** The argument hints and the diagnosis tree as an admin edits them: YAML, as in tenant.yaml. */

/** YAML as tenant.yaml writes it: no folded lines, a JSON Logic `when` on one line. */
export function toYaml(value: unknown): string {
  const document = new Document(value);
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'when' && isMap(pair.value)) pair.value.flow = true;
    },
  });
  return document.toString({ lineWidth: 0 });
}

export type YamlText =
  | { ok: true; value: unknown; lineOf: (path: readonly (string | number)[]) => number | undefined }
  | { ok: false; line: number | undefined; message: string };

/**
 * Parses a textarea's YAML. On success also a way to find the line of a path inside it (or of the nearest
 * part of the path that is there), so that an error can say where to look.
 */
export function readYaml(text: string): YamlText {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [error] = document.errors;
  if (error) {
    return {
      ok: false,
      line: lineCounter.linePos(error.pos[0]).line,
      message: error.message.split('\n')[0],
    };
  }
  return {
    ok: true,
    value: document.toJS() as unknown,
    lineOf: (path) => {
      for (let n = path.length; n >= 0; n--) {
        const node = n ? document.getIn(path.slice(0, n), true) : document.contents;
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return undefined;
    },
  };
}
