/**
 * General rules that take out of Readability's article what a reader does not read: captions and
 * image credits, link lists (related stories, menus, breadcrumbs), "Read more:" lead-ins, "Updated
 * …" lines, share bars and newsletter promos. They look at the shape of an element (its tag, its
 * class, how much of its text is links, a short label) and never at a site. Tuned on the tune half
 * of the shared pages only (scripts/eval/extraction-split.ts).
 */

export type RuleElement = {
  readonly tagName: string;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<RuleElement>;
  remove(): void;
};

/** Elements never part of an article's text. */
const NEVER = 'figure, figcaption, picture, nav, aside, button, form, input, select, textarea, [hidden]';

/** Class or id of a caption, a credit, a share bar, a promo, a related-stories box. */
const BOILERPLATE_NAME =
  /caption|credit|share|sharing|social|newsletter|promo|related|recommend|subscribe|advert|ad-slot|byline|timestamp|breadcrumb|comment|author-?(?:bio|box|info)|about-author/i;

/** A label that introduces links elsewhere: "Related", "Read more:", "You may also like…". */
const LINK_LABEL =
  /^(?:related(?: stories| articles| content| coverage)?|more(?: on this| stories| from \S+)?|see more|read more|read also|also read|see also|you may also like|you might also like|don'?t miss|recommended(?: for you)?|trending|latest news|most (?:popular|read)|sponsored|advertisement|advert|watch|listen)\b\s*[:.…|-]*/i;

/** An image caption or credit as a line of its own: "(Image: NASA)", "Photo credit: AP". */
const CAPTION_LINE =
  /^\(?\s*(?:image|photo|picture|video|graphic|illustration)s?(?: credit| courtesy)?\s*(?::|by\b)/i;

/** A time stamp line: "Updated 10:01 pm PST", "PUBLISHED: 10:48, Tue, Nov 19, 2019". */
const STAMP_LINE = /^\|?\s*(?:published|updated|posted|last updated|first published|last modified)\b/i;

/** A newsletter or subscription promo. */
const PROMO = /\b(?:sign up|subscribe|subscription)\b[\s\S]*\b(?:newsletter|inbox|issues|today)\b/i;

const textLength = (e: RuleElement) => (e.textContent ?? '').replace(/\s+/g, ' ').trim().length;

function linkDensity(e: RuleElement): number {
  const total = textLength(e);
  if (total === 0) return 0;
  const links = e.querySelectorAll('a');
  let inLinks = 0;
  for (let i = 0; i < links.length; i++) inLinks += textLength(links[i] as RuleElement);
  return inLinks / total;
}

const each = (root: RuleElement, selector: string, f: (e: RuleElement) => void) => {
  const found = Array.from(root.querySelectorAll(selector));
  for (const e of found) f(e);
};

/** Applies the rules to Readability's article (kept with its classes), in place. */
export function removeNonArticle(root: RuleElement): void {
  each(root, NEVER, (e) => e.remove());
  each(root, '[class], [id]', (e) => {
    const name = `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`;
    if (BOILERPLATE_NAME.test(name) && textLength(e) < 2000) e.remove();
  });
  // Link lists: menus, breadcrumbs, related stories. A paragraph that is all link is one too.
  each(root, 'ul, ol, dl, table, li, p, div', (e) => {
    if (textLength(e) > 0 && linkDensity(e) >= 0.8) e.remove();
  });
  each(root, 'p, li, div, h1, h2, h3, h4, h5, h6, span, strong, em, b', (e) => {
    const text = (e.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text.length === 0 || text.length > 300) return;
    const label = LINK_LABEL.exec(text);
    const labelOnly = label !== null && label[0].trim().length >= text.length - 1;
    const leadIn = label !== null && /[:|]\s*$/.test(label[0].trim()) && text.length < 200;
    if (
      labelOnly ||
      leadIn ||
      CAPTION_LINE.test(text) ||
      (STAMP_LINE.test(text) && /\d/.test(text) && text.length < 120) ||
      PROMO.test(text) ||
      /^https?:\/\/\S+$/.test(text)
    ) {
      e.remove();
    }
  });
}
