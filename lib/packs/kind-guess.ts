/**
 * Dependency-free guesses about names in running text: what kind of thing a name is
 * (`guessKind`, from the name's shape and the words around it) and which sentence a span
 * of text belongs to (`sentenceAround`, abbreviation-aware). Small on purpose: it may run
 * in a content script, so it carries only short word lists and no NLP library.
 */
import type { EntityKind } from '../model';

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Titles and honorifics that come before a person's name ("Senator", "Ms.", "Prime Minister"). */
export const PERSON_TITLES = words(`
  Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Dr Dr. Prof Prof. Professor Sir Dame Lord Lady Baroness Baron
  President President-elect Vice Senator Sen. Sen Rep. Rep Representative Congressman Congresswoman
  Governor Gov. Gov Mayor Premier Chancellor Minister Secretary Ambassador Speaker Commissioner
  King Queen Prince Princess Emperor Empress Pope Cardinal Archbishop Bishop Rabbi Imam Sheikh Father Rev. Rev Pastor
  Judge Justice Magistrate Attorney Prosecutor Sheriff Inspector Detective Sergeant Sgt. Officer Constable
  General Gen. Gen Colonel Col. Col Lieutenant Lt. Lt Major Maj. Captain Capt. Capt Admiral Adm. Commander Cmdr.
  Councillor Cllr Cllr. Councilman Councilwoman Councilmember Alderman Alderwoman Assemblyman Assemblywoman Delegate
  Chairman Chairwoman Chair Director Coach Manager Chief Leader Deputy Acting Former Interim Foreign Finance Defense Defence
  Health Interior Home Justice Economy Trade Education Environment Energy Transport Labor Labour State Prime Executive
  Senior Lead Head Superintendent MP MEP CEO Sheikha Ayatollah Grand Saint Elder Majority Minority Opposition Party Whip
`);

/** Titles that are a person title on their own (not only as a modifier of another title). */
const CORE_TITLES = words(`
  Mr Mr. Mrs Mrs. Ms Ms. Miss Mx Dr Dr. Prof Prof. Professor Sir Dame Lord Lady Baroness Baron President President-elect
  Senator Sen. Sen Rep. Rep Representative Congressman Congresswoman Governor Gov. Gov Mayor Premier Chancellor Minister
  Secretary Ambassador Speaker Commissioner King Queen Prince Princess Emperor Empress Pope Cardinal Archbishop Bishop
  Rabbi Imam Sheikh Sheikha Ayatollah Father Rev. Rev Pastor Judge Justice Magistrate Attorney Prosecutor Sheriff Inspector Detective
  Sergeant Sgt. Officer Constable General Gen. Gen Colonel Col. Col Lieutenant Lt. Lt Major Maj. Captain Capt. Capt Admiral
  Adm. Commander Cmdr. Councillor Cllr Cllr. Councilman Councilwoman Councilmember Alderman Alderwoman Assemblyman
  Assemblywoman Chairman Chairwoman Chair Leader Whip Director Coach Manager MP MEP CEO Superintendent
`);

/** A generic word of organisation names ("Council", "Association", "Inc"). */
export function isOrgWord(word: string): boolean {
  return ORG_WORDS.has(word);
}

export function isPersonTitle(word: string): boolean {
  return CORE_TITLES.has(word);
}

export function isTitleWord(word: string): boolean {
  return PERSON_TITLES.has(word);
}

const ORG_WORDS = words(`
  Inc Inc. Corp Corp. Corporation Co Co. Company Companies Ltd Ltd. LLC LLP plc PLC AG SA GmbH NV Group Holdings Council Party
  Ministry Department University College School Academy Institute Institution Agency Bank Committee Commission Association
  Foundation Fund Authority Organization Organisation Union Federation League Club Society Court Parliament Assembly Senate
  Congress Police Army Navy Force Forces Laboratory Laboratories Labs Lab Technologies Technology Systems Solutions Pictures
  Studios Studio Media Airlines Airways Motors Energy Capital Partners Network Trust Services Service Office Board Bureau
  Administration Centers Centres Caucus Hospital Museum Church Athletic Athletics United Rovers Wanderers FC AFC Bloc Front Movement Alliance
  Coalition Brigade Brigades Cabinet Government Guard Reserve Exchange Institute Industries Pharmaceuticals Therapeutics
  Records Publishing Press Times Post Journal Herald Gazette Review Magazine Broadcasting Television Radio Software Works
  Centre Center Project Initiative Taskforce Mission Secretariat Directorate Tribunal Unit Corps Collective Council
`);

const EVENT_WORDS = words(`
  Olympics Olympic Games Cup Championship Championships Festival Summit Conference Expo Election Elections War Marathon
  Open Prix Awards Oscars Derby Tournament Series Week Fair Biennale Revolution Uprising Massacre Attack Attacks Crisis
  Games Grand Slam Rally Congress Forum Convention Ceremony Jubilee Carnival Parade Strike Trial Talks COP
`);

const TOPIC_WORDS = words(`
  Act Bill Law Treaty Accord Accords Agreement Pact Plan Programme Program Initiative Protocol Doctrine Amendment Strategy
  Policy Directive Regulation Rule Reform Deal Budget Index Scheme Framework Charter Declaration Report Prize Award Lion
`);

const PLACE_WORDS = words(`
  Street St Road Avenue Ave Boulevard Lane Square Park River Lake Mountain Mountains Mount Mt Island Islands Valley County
  Province State Region District Bay Sea Ocean Gulf Strait Peninsula Desert Coast Shore Bridge Airport Station Harbour
  Harbor Village Heights Hills Forest Canyon Falls Beach Delta Basin Plateau Prefecture Oblast Governorate Territory
`);

/** A deliberately short list: the countries, regions and cities most often in the news. */
const PLACES = new Set(
  `Afghanistan|Albania|Algeria|America|Argentina|Armenia|Australia|Austria|Azerbaijan|Bangladesh|Belarus|Belgium|Bolivia|Bosnia|Brazil|Britain|Bulgaria|Cambodia|Cameroon|Canada|Chile|China|Colombia|Congo|Croatia|Cuba|Cyprus|Czechia|Denmark|Ecuador|Egypt|England|Estonia|Ethiopia|Finland|France|Gaza|Georgia|Germany|Ghana|Greece|Haiti|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Japan|Jordan|Kazakhstan|Kenya|Korea|Kosovo|Kuwait|Latvia|Lebanon|Libya|Lithuania|Malaysia|Mali|Mexico|Moldova|Morocco|Myanmar|Nepal|Netherlands|Nicaragua|Niger|Nigeria|Norway|Pakistan|Palestine|Panama|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Scotland|Senegal|Serbia|Singapore|Slovakia|Slovenia|Somalia|Spain|Sudan|Sweden|Switzerland|Syria|Taiwan|Thailand|Tunisia|Turkey|Uganda|Ukraine|Uruguay|Venezuela|Vietnam|Wales|Yemen|Zambia|Zimbabwe|Africa|Asia|Europe|Antarctica|Arctic|Caribbean|Balkans|Scandinavia|Siberia|Crimea|Donbas|Kashmir|Tibet|Kurdistan|Sahel|Mars|Venus|Jupiter|Saturn|Earth|Moon|London|Paris|Berlin|Rome|Madrid|Moscow|Kyiv|Kiev|Warsaw|Vienna|Brussels|Geneva|Athens|Istanbul|Ankara|Cairo|Tehran|Baghdad|Beirut|Damascus|Jerusalem|Riyadh|Dubai|Delhi|Mumbai|Beijing|Shanghai|Tokyo|Seoul|Sydney|Toronto|Washington|Chicago|Boston|Texas|California|Florida|Ohio|Michigan|Virginia|Pennsylvania|Arizona|Nevada|Iowa|Alaska|Hawaii|Manhattan|Brooklyn|Ottawa|Bangkok|Jakarta|Manila|Nairobi|Lagos|Johannesburg|Cape Town|New York|Los Angeles|San Francisco|Hong Kong|New Delhi|Tel Aviv|West Bank|Middle East|United States|United Kingdom|South Africa|North Korea|South Korea|Saudi Arabia|New Zealand|Latin America|North America|South America|Central Asia|Silicon Valley|Wall Street|U.S.|US|USA|U.K.|UK|UAE`.split('|'),
);

/** Lower-case particles inside people's names ("Vincent van Gogh", "Osama bin Laden", "Maria dos Santos"). */
export const SURNAME_PARTICLE = /^(?:de|da|das|do|dos|di|del|della|du|des|la|le|van|von|der|den|ter|ten|bin|ibn|al|el)$/u;

const SEATS_OF_POWER = new Set(['White House', 'Kremlin', 'Pentagon', 'Downing Street', 'Élysée', 'Elysee', 'Élysée Palace', 'Elysee Palace', 'Blue House', 'Zhongnanhai']);

/** Plural nouns for peoples and political camps ("Palestinians", "Democrats"). */
const GROUP_WORDS = words(`
  Democrats Republicans Conservatives Tories Liberals Socialists Communists Greens Labourites Nationalists Loyalists Unionists
  Republicans Progressives Moderates Independents Royalists Islamists Jihadists Evangelicals Catholics Protestants Muslims
  Christians Jews Hindus Sikhs Buddhists Sunnis Shiites Kurds Arabs Israelis Palestinians Americans Britons Europeans Africans Asians
  Ukrainians Russians Chinese French Germans Italians Spaniards Poles Turks Greeks Iranians Iraqis Syrians Afghans Pakistanis
  Indians Japanese Koreans Canadians Mexicans Brazilians Australians Scots Welsh Irish Dutch Swiss Swedes Danes Norwegians Finns
  Houthis Taliban Rohingya Uyghurs Uighurs Yazidis Druze Amish Millennials Boomers Gen Zers
`);

const GROUP_SUFFIX = /(?:ians|ans|eses|ites|ists|crats|ards)$/;
const PLACE_PREPOSITIONS = /(?:^|\s)(?:in|from|across|near|outside|throughout|to|into|towards?|around|of central|of northern|of southern|of eastern|of western|northern|southern|eastern|western|central)\s+(?:the\s+)?$/i;
const PLACE_PREPOSITION_IN = /(?:^|\s)(?:in|across|near|outside|throughout)\s+(?:the\s+)?$/i;
const ACRONYM = /^(?:[A-Z]\.){2,}$|^[A-Z][A-Z0-9&]{1,7}$/;

/** A small list of common given names: a shape cue, not a dictionary. */
const FIRST_NAMES = words(`
  John James Robert Michael William David Richard Joseph Thomas Charles Daniel Matthew Anthony Mark Donald Steven Paul Andrew
  Joshua Kevin Brian George Edward Ronald Timothy Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin
  Scott Brandon Benjamin Samuel Gregory Frank Alexander Raymond Patrick Jack Dennis Jerry Tyler Aaron Jose Adam Henry Nathan
  Peter Zachary Kyle Walter Harold Carl Jeremy Keith Roger Gerald Ethan Arthur Terry Christian Sean Lawrence Austin Joe Noah
  Jesse Albert Bryan Billy Bruce Willie Jordan Dylan Alan Ralph Gabriel Roy Juan Wayne Eugene Logan Randy Louis Russell Vincent
  Philip Bobby Johnny Bradley Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Margaret
  Betty Sandra Ashley Dorothy Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Rebecca Laura Sharon Cynthia
  Kathleen Amy Shirley Angela Helen Anna Brenda Pamela Nicole Samantha Katherine Emma Ruth Christine Catherine Debra Rachel
  Carolyn Janet Virginia Maria Heather Diane Julie Joyce Victoria Kelly Christina Joan Evelyn Lauren Judith Olivia Frances
  Martha Cheryl Megan Andrea Hannah Jacqueline Ann Jean Alice Kathryn Gloria Teresa Doris Sara Janice Julia Marie Madison Grace
  Judy Theresa Beverly Denise Marilyn Amber Danielle Abigail Brittany Rose Diana Natalie Sophia Alexis Lori Kayla Jane Sophie
  Mohammed Muhammad Ahmed Ali Hassan Hussein Omar Ibrahim Yusuf Fatima Aisha Leila Priya Raj Wei Li Chen Hiroshi Yuki Olga
  Ivan Sergei Vladimir Dmitry Igor Elena Natalia Pierre Jean-Luc Marie-Claire Hans Klaus Giovanni Marco Luca Carlos Luis Miguel
  Pedro Ana Sofia Lucia Javier Diego Emmanuel Olaf Lars Sven Ingrid Astrid Kwame Chidi Ngozi Amara Keir Rishi Boris Angela
`);

export function isAcronym(name: string): boolean {
  return ACRONYM.test(name);
}

const lastOf = (tokens: readonly string[]): string => tokens[tokens.length - 1] ?? '';

/**
 * The kind a name's own words say it has ("Senator …" → person, "… Council" → organisation,
 * "… Olympics" → event, a known country → place, "Democrats" → group), or null when its
 * words do not say. With `sentence`, the words around it vote too ("in X" → place).
 */
export function kindCue(name: string, sentence?: string): EntityKind | null {
  const clean = name.trim().replace(/[’']s$/, '');
  const tokens = clean.split(/\s+/).filter(Boolean);
  const first = tokens[0] ?? '';
  const last = lastOf(tokens);
  if (tokens.length > 1 && isPersonTitle(first)) return 'person';
  // Seats of power stand for the government in news ("the White House said").
  if (SEATS_OF_POWER.has(clean)) return 'organisation';
  // "Office of Management and Budget", "Court of Appeals": the head word comes first.
  if (tokens.length > 2 && ORG_WORDS.has(first) && /^(?:of|for)$/.test(tokens[1] ?? '')) return 'organisation';
  if (tokens.length > 1 && tokens.some((t) => EVENT_WORDS.has(t)) && !ORG_WORDS.has(last)) return 'event';
  if (/^(?:19|20)\d\d\s/.test(clean) && tokens.length > 1) return 'event';
  if (tokens.length > 1 && TOPIC_WORDS.has(last)) return 'topic';
  if (PLACES.has(clean)) return 'place';
  if (tokens.some((t) => ORG_WORDS.has(t))) return 'organisation';
  if (isAcronym(clean)) return 'organisation';
  if (tokens.length > 1 && PLACE_WORDS.has(last)) return 'place';
  if (tokens.length > 1 && GROUP_WORDS.has(last)) return 'group';
  if (tokens.length === 1 && (GROUP_WORDS.has(clean) || (GROUP_SUFFIX.test(clean) && clean.length > 5))) return 'group';
  return sentence ? contextCue(clean, sentence) : null;
}

/** The kind of a name from its shape alone, when no word gives it away. */
export function shapeKind(name: string): EntityKind {
  const tokens = name.trim().split(/\s+/).filter(Boolean);
  const first = tokens[0] ?? '';
  // "Reform UK", "Protect Rural England": an acronym, or a place where the surname goes, is no person's name.
  if (tokens.length >= 2 && tokens.some((t) => /^\p{Lu}{2,}$/u.test(t))) return 'organisation';
  if (tokens.length >= 2 && PLACES.has(lastOf(tokens)) && !FIRST_NAMES.has(first)) return 'organisation';
  if (tokens.length >= 2 && tokens.length <= 4 && tokens.every((t) => /^\p{Lu}[\p{L}'’.-]*$/u.test(t) || SURNAME_PARTICLE.test(t))) {
    return 'person';
  }
  if (tokens.length === 1 && FIRST_NAMES.has(first)) return 'person';
  return tokens.length === 1 ? 'organisation' : 'topic';
}

/**
 * The kind a name most likely has. `sentence` (the sentence it appeared in) lets the words
 * around it vote: "in X" suggests a place, "X, who" a person.
 */
export function guessKind(name: string, sentence?: string): EntityKind {
  return kindCue(name, sentence) ?? shapeKind(name);
}

/** True for a common given name (a small list). */
export function isFirstName(word: string): boolean {
  return FIRST_NAMES.has(word);
}

function contextCue(name: string, sentence: string): EntityKind | null {
  const at = sentence.indexOf(name);
  if (at < 0) return null;
  const before = sentence.slice(Math.max(0, at - 40), at);
  const after = sentence.slice(at + name.length, at + name.length + 40);
  if (/^[’']s?\s+(?:chief executive|founder|spokes(?:man|woman|person)|shares|board|staff|employees|headquarters)/.test(after)) return 'organisation';
  if (/^['’]s\s+(?:(?:current|former|new|then)\s+)?(?:mayor|governor|capital|prime minister|president|government|parliament|army|military|economy|border|borders|people|citizens|residents|cities|regions?)\b/.test(after)) return 'place';
  if (/^,\s+(?:who|whose)\b/.test(after) || /^,\s+\d{1,3},/.test(after) || /\b(?:Mr|Ms|Mrs|Dr)\.?\s*$/.test(before)) return 'person';
  if (/^\s+(?:(?:also\s+)?said|says|told|added|wrote|argued|insisted|admitted)\b/.test(after) && name.includes(' ')) return 'person';
  if (PLACE_PREPOSITION_IN.test(before) && !/^\s+(?:said|says|told|who)\b/.test(after)) return 'place';
  if (PLACE_PREPOSITIONS.test(before) && !name.includes(' ') && !/^\s+(?:said|says|told|who)\b/.test(after)) return 'place';
  return null;
}

/* ─── Sentences ──────────────────────────────────────────────────────────────────── */

/** Abbreviations that never end a sentence (they come before a name or a number). */
const HARD_ABBREVIATIONS = words(`
  Mr Mrs Ms Dr Prof Sen Rep Gov Gen Lt Col Sgt Capt Cmdr Adm Maj Rev Hon St Mt Fr Cllr No Nos vs Mme Mlle Messrs Gens Reps Sens
  Sept Jan Feb Mar Apr Aug Oct Nov Dec Ft Pt Ave Blvd approx Fig fig e.g i.e cf
`);
/** Abbreviations that end a sentence only when a typical sentence opening follows. */
const SOFT_ABBREVIATIONS = words('Inc Corp Co Ltd Jr Sr etc Bros al a.m p.m Jun Jul Est');
const SENTENCE_OPENERS = words(`
  The A An But And Or So Yet He She It They We I You His Her Its Their Our This That These Those There Here In On At For From
  With By After Before When While As If Although Though However Meanwhile Still Now Then Later Earlier Last Next Some Many
  Most Few Several Both Each Every No Not None Officials Police Critics Analysts Experts
`);

/** [start, end) spans of the sentences of a block of text (no sentence crosses a newline). */
export function sentenceSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  const boundary = /([.!?…]+)(["'”’)\]]*)(\s+)|\n+/g;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const endOfSentence = m.index + (m[1]?.length ?? 0) + (m[2]?.length ?? 0);
    if (m[0].startsWith('\n')) {
      push(spans, text, start, m.index);
      start = m.index + m[0].length;
      continue;
    }
    if (!isBoundary(text, m.index, m.index + m[0].length, m[1] ?? '')) continue;
    push(spans, text, start, endOfSentence);
    start = m.index + m[0].length;
  }
  push(spans, text, start, text.length);
  return spans;
}

function push(spans: [number, number][], text: string, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text.charAt(s))) s++;
  while (e > s && /\s/.test(text.charAt(e - 1))) e--;
  if (e > s) spans.push([s, e]);
}

function isBoundary(text: string, punctAt: number, nextAt: number, punct: string): boolean {
  const next = text.slice(nextAt, nextAt + 30);
  if (!/^["'“‘([]?[\p{Lu}\d]/u.test(next)) return false;
  if (punct !== '.') return true;
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, punctAt - 20), punctAt))?.[1] ?? '';
  if (HARD_ABBREVIATIONS.has(word) || HARD_ABBREVIATIONS.has(word.replace(/^.*\./, ''))) return false;
  const nextWord = /^["'“‘([]?([\p{L}]+)/u.exec(next)?.[1] ?? '';
  const dotted = /^(?:\p{L}\.)+\p{L}$/u.test(word) || /^\p{Lu}$/u.test(word);
  if (dotted || SOFT_ABBREVIATIONS.has(word)) return SENTENCE_OPENERS.has(nextWord);
  return true;
}

/** The sentence of `text` that contains [start, end) (extended when the span crosses sentences). */
export function sentenceAround(text: string, start: number, end: number): string {
  const spans = sentenceSpans(text);
  let from = -1;
  let to = -1;
  for (const [s, e] of spans) {
    if (from < 0 && e > start) from = s;
    if (s < Math.max(end, start + 1)) to = e;
  }
  if (from < 0 || to < from) return '';
  return text.slice(from, to);
}
