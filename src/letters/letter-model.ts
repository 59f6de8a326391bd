/**
 * What every letter consists of, whatever its kind: the municipality's letterhead, the addressee, the date
 * and reference, and a body of blocks rendered from the letter's template.
 */
export interface Letterhead {
  municipality: string;
  governingBody: string;
  address: string[];
  phone: string;
  email: string;
  website: string;
  /** The municipality's name is printed in it: an admin can only choose one that reads on white (4.5:1). */
  primaryColor: string;
  logo?: LetterLogo;
}

/** The municipality's logo: a PNG or JPEG checked on upload (see tenancy/tenant-settings-logo). */
export interface LetterLogo {
  content: Buffer;
}

export interface LetterBlock {
  kind: 'heading' | 'paragraph' | 'fact';
  text: string;
  /** For a fact: the label before the value. */
  label?: string;
}

export interface LetterModel {
  letterhead: Letterhead;
  addressee: string[];
  date: string;
  reference: string;
  subject: string;
  blocks: LetterBlock[];
  /** Shown under the body, e.g. a signature line. */
  closing: string[];
}

/**
 * A rendered template's text as blocks: "## " starts a heading, "Label:: value" is a fact line, and blank
 * lines separate paragraphs. Tenant templates stay plain text, so they cannot place anything outside the body.
 */
export function parseLetterBody(text: string): LetterBlock[] {
  const blocks: LetterBlock[] = [];
  for (const chunk of text.replace(/\r\n/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    let paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
      paragraph = [];
    };
    for (const line of lines) {
      const fact = /^([^:]{1,60})::\s*(.*)$/.exec(line);
      if (line.startsWith('## ')) {
        flush();
        blocks.push({ kind: 'heading', text: line.slice(3).trim() });
      } else if (fact) {
        flush();
        blocks.push({ kind: 'fact', label: fact[1].trim(), text: fact[2].trim() });
      } else {
        paragraph.push(line);
      }
    }
    flush();
  }
  return blocks;
}
