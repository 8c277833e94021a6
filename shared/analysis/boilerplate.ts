/**
 * Lines of scraped news that are not the article: "Read also" links, bylines, photo captions and
 * credits, newsletter prompts. They are removed before counting (the gold's counting rules).
 */
const BOILERPLATE_LINE: readonly RegExp[] = [
  // "Read also", "See also", in the six languages of the development set
  /^\s*[•·*\-–>]*\s*(read|see|watch|listen) (also|more)\b/i,
  /^\s*[•·*\-–>]*\s*(related|more on this|recommended)\s*:/i,
  /^\s*[•·*\-–>]*\s*(lire|voir) aussi\b/i,
  /^\s*[•·*\-–>]*\s*(à lire|a lire) (aussi|également)\b/i,
  /^\s*[•·*\-–>]*\s*(lesen sie auch|mehr zum thema|auch interessant)\b/i,
  /^\s*[•·*\-–>]*\s*(lee|leer|ver) (también|más)\b/i,
  /^\s*[•·*\-–>]*\s*(читайте|смотрите) (также|тоже)\b/i,
  /^\s*[•·*\-–>]*\s*(читайте|дивіться) (також|теж)\b/i,
  // Bylines and credits
  /^\s*(by|par|von|por|автор|автор:)\s+[\p{Lu}][^.!?]{0,80}$/iu,
  /^\s*(photo|foto|фото|image|picture|credit|crédit|bild|imagen)s?\s*(:|\(|-|by|de|von|credit)/iu,
  /\((photo|foto|фото)\s*:[^)]*\)\s*$/iu,
  /^\s*(getty images|reuters|afp|ap photo|epa)\s*$/i,
  // Newsletter and subscription prompts
  /^(?=.{0,160}$).*\b(sign up|subscribe|newsletter|abonnez-vous|abonnieren|suscríbete|підпишіться|подпишитесь)\b/iu,
];

export function isBoilerplateLine(line: string): boolean {
  return BOILERPLATE_LINE.some((re) => re.test(line));
}

/** The body without boilerplate lines; line structure kept for sentence splitting. */
export function stripBoilerplate(body: string): { text: string; removed: string[] } {
  const removed: string[] = [];
  const kept: string[] = [];
  for (const line of body.split('\n')) {
    if (line.trim() && isBoilerplateLine(line)) removed.push(line);
    else kept.push(line);
  }
  return { text: kept.join('\n'), removed };
}
