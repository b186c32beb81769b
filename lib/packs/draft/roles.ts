/**
 * A role line for a name from the words around one of its mentions: appositives after it
 * ("X, the company's chief executive,", "X, 61, a Democrat who…", "X, a spokesman for Y")
 * or before it ("Tunisia's prime minister, X", "Harlow manager X", "the Turkish director X").
 */
import { clip } from './text';

const ROLE_NOUNS =
  'minister|president|vice president|chief executive|executive|chairman|chairwoman|chair|director|leader|coach|manager|head coach|spokesman|spokeswoman|spokesperson|founder|co-founder|administrator|mayor|governor|secretary|chief|head|editor|analyst|lawyer|attorney|officer|commissioner|ambassador|captain|striker|forward|midfielder|defender|goalkeeper|winger|keeper|referee|chancellor|premier|judge|prosecutor|economist|adviser|advisor|aide|deputy|owner|partner|scientist|researcher|professor|author|producer|actor|actress|star|singer|rival|opponent|senator|congressman|congresswoman|councillor|councilwoman|councilman|member|candidate|reporter|correspondent|epidemiologist|astronomer|physicist|doctor|surgeon|nurse|teacher|principal|superintendent|sheriff|detective|inspector|historian|novelist|filmmaker|artist|composer|musician|writer|critic|activist|campaigner|organiser|organizer|chairperson|boss|general|commander|envoy|negotiator|investor|banker|trader|strategist|consultant|planner|engineer|designer|architect|cardinal|bishop|priest|rabbi|imam|king|queen|prince|princess|monarch|dictator|ruler|strongman|businessman|businesswoman|entrepreneur|billionaire|tycoon|magnate|heir|widow|wife|husband|son|daughter|mother|father|brother|sister';
const ROLE_NOUN = new RegExp(`\\b(?:${ROLE_NOUNS})s?\\b`, 'i');
const LEADING_ROLE = new RegExp(`^(?:[\\p{Ll}-]+\\s){0,2}(?:${ROLE_NOUNS})s?\\b`, 'u');
const STARTS_ROLE = /^(?:the|a|an|its|his|her|their|our|former|then|now|also|chief|head|senior|deputy|acting|\p{Lu}[\p{L}.&-]*['’]s)\s/u;
const MAX_ROLE = 150;
const FUNCTION_WORDS = /^(?:from|to|by|with|on|in|at|into|after|before|when|down|up|out|off|over|said|says|told|and|or|but|as|was|is|were|are|has|had|have|that|which|who|of|for|a|an|against|beat|met|scored|saw|sent)$/;

function trimRole(raw: string): string | null {
  const role = raw.trim().replace(/\s+(?:and|but)$/, '').replace(/[,;:]$/, '');
  if (role.length < 4 || /^(?:who|which|whose|where|when|said|says|and|but|for|in)\b/i.test(role)) return null;
  return clip(role, MAX_ROLE);
}

/** The appositive after a mention that ends at `end`, if any. */
function roleAfter(text: string, end: number): string | null {
  const rest = text.slice(end, end + 260);
  const m = /^,\s+(?:\d{1,3},\s+)?/.exec(rest);
  if (!m) return null;
  const body = rest.slice(m[0].length);
  if (!STARTS_ROLE.test(body) && !ROLE_NOUN.test(body.split(/,\s/)[0] ?? '')) return null;
  // Up to the next ", " / ";" / sentence end / a quote (a comma inside "90,000" does not end it).
  const stop = /,\s|;|[.!?](?:\s|$)|["“”]|\s\((?!\p{Lu}{2,}\))/u.exec(body);
  const phrase = stop ? body.slice(0, stop.index) : body;
  if (phrase.split(/\s+/).length > 18) return null;
  if (!STARTS_ROLE.test(phrase) && !LEADING_ROLE.test(phrase)) return null;
  if (/^(?:the|a|an)\s+(?:\w+\s+)?(?:day|week|month|year|time|way|same|end|first|last|next)\b/i.test(phrase)) return null;
  return trimRole(phrase);
}

/** The appositive or lowercase title before a mention that starts at `start`, if any. */
function roleBefore(text: string, start: number): string | null {
  const head = text.slice(Math.max(0, start - 160), start);
  // "Corvid's chief executive, Priya Natarajan" / "Their head coach, Pieter de Vries"
  const comma = /(?:^|[.;:!?]\s+|,\s+|\b(?:and|but|said|says|by|with)\s+)((?:(?:\p{Lu}[\p{L}.&-]*)(?:\s\p{Lu}[\p{L}.&-]*)*['’]s|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur)\s+(?:[\p{L}-]+\s+){0,5}?[\p{Ll}-]+(?:\s(?:of|for|at)\s[\p{L}\s]{2,40}?)?),\s+$/u.exec(head);
  if (comma?.[1] && ROLE_NOUN.test(comma[1].split(/\s+/).slice(-3).join(' '))) return trimRole(comma[1]);
  // "Harlow manager Gemma Price", "the Turkish director Leyla Arslan", "former parking director Alan Brooks"
  const bare = new RegExp(
    `((?:(?:the|former|then|[\\p{Lu}][\\p{L}.&-]*(?:['’]s)?)\\s+){0,3}(?:[\\p{Ll}-]+\\s+){0,2}(?:${ROLE_NOUNS}))\\s+$`,
    'u',
  ).exec(head);
  if (bare?.[1]) {
    const phrase = bare[1].replace(/^(?:the)\s+/i, '');
    const lower = phrase.split(/\s+/).filter((w) => /^\p{Ll}/u.test(w)).slice(0, -1);
    if (!lower.some((w) => FUNCTION_WORDS.test(w) || /ed$/.test(w))) return trimRole(phrase);
  }
  return null;
}

/** The role a sentence gives the name at [start, end) of `text`, or null. */
export function findRole(text: string, start: number, end: number): string | null {
  return roleAfter(text, end) ?? roleBefore(text, start);
}
