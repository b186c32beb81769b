/**
 * A small gazetteer for the draft: countries, US states, continents and well-known regions
 * (all places), and the demonyms of countries and regions ("Israeli", "Western", "Arab
 * American" are adjectives, never entities by themselves; "Israelis", "Palestinians" are
 * groups). General knowledge only: no name from any particular article.
 */
import type { EntityKind } from '../../model';

const list = (s: string): string[] =>
  s
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean);

const COUNTRIES = list(`
  Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|
  Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|
  Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|
  Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|Dominican Republic|East Timor|Ecuador|Egypt|
  El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|
  Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|
  Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|
  Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Micronesia|
  Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|Nauru|Nepal|Netherlands|Holland|New Zealand|Nicaragua|
  Niger|Nigeria|North Korea|North Macedonia|Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|
  Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|
  Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|
  Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|Türkiye|Turkmenistan|Tuvalu|
  Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|U.K.|Britain|Great Britain|England|Scotland|Wales|Northern Ireland|
  United States|United States of America|US|U.S.|USA|U.S.A.|America|Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|
  Zambia|Zimbabwe|Greenland|Puerto Rico|Hong Kong|Macau|Tibet|Crimea|Kashmir|Kurdistan|Donbas|Chechnya|Gaza|Gaza Strip|West Bank|
  Golan Heights|Sinai|Western Sahara|Transnistria|Abkhazia|Catalonia|Basque Country|Flanders|Bavaria|Siberia|Patagonia
`);

const US_STATES = list(`
  Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|
  Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|
  New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|
  South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|District of Columbia|
  Washington D.C.|Washington, D.C.
`);

const REGIONS = list(`
  Africa|Asia|Europe|North America|South America|Latin America|Central America|Oceania|Antarctica|Antarctic|Arctic|Australasia|
  Middle East|Near East|Far East|Horn of Africa|Sahel|Sahara|Maghreb|Levant|Gulf|Persian Gulf|Balkans|Baltics|Caucasus|
  Scandinavia|Nordics|Caribbean|Mediterranean|Pacific|Atlantic|Indo-Pacific|Central Asia|South Asia|Southeast Asia|East Asia|
  West Africa|East Africa|North Africa|Southern Africa|Sub-Saharan Africa|Eastern Europe|Western Europe|Central Europe|
  Northern Europe|Southern Europe|Eurasia|Amazon|Himalayas|Alps|Andes|Korean Peninsula|Iberia|Anatolia|Mesopotamia
`);

/** Adjectives of nationality and region (singular, also the noun for one person). */
const DEMONYMS = list(`
  Afghan|Albanian|Algerian|American|Angolan|Argentine|Argentinian|Armenian|Australian|Austrian|Azerbaijani|Azeri|Bahraini|
  Bangladeshi|Belarusian|Belgian|Bolivian|Bosnian|Brazilian|British|Bulgarian|Burmese|Cambodian|Cameroonian|Canadian|Chadian|
  Chilean|Chinese|Colombian|Congolese|Croatian|Cuban|Cypriot|Czech|Danish|Dutch|Ecuadorian|Egyptian|English|Eritrean|Estonian|
  Ethiopian|Filipino|Finnish|French|Georgian|German|Ghanaian|Greek|Guatemalan|Haitian|Honduran|Hungarian|Icelandic|Indian|
  Indonesian|Iranian|Iraqi|Irish|Israeli|Italian|Ivorian|Jamaican|Japanese|Jordanian|Kazakh|Kenyan|Korean|Kosovan|Kuwaiti|Kurdish|
  Kyrgyz|Lao|Latvian|Lebanese|Liberian|Libyan|Lithuanian|Malagasy|Malaysian|Malian|Maltese|Mexican|Moldovan|Mongolian|Montenegrin|
  Moroccan|Mozambican|Namibian|Nepali|Nepalese|Nicaraguan|Nigerian|Nigerien|Norwegian|Omani|Pakistani|Palestinian|Panamanian|
  Paraguayan|Peruvian|Polish|Portuguese|Qatari|Romanian|Russian|Rwandan|Saudi|Scottish|Senegalese|Serbian|Singaporean|Slovak|
  Slovenian|Somali|Spanish|Sri Lankan|Sudanese|Swedish|Swiss|Syrian|Taiwanese|Tajik|Tanzanian|Thai|Tibetan|Tunisian|Turkish|
  Turkmen|Ugandan|Ukrainian|Emirati|Uruguayan|Uzbek|Venezuelan|Vietnamese|Welsh|Yemeni|Zambian|Zimbabwean|Crimean|Chechen|
  Catalan|Basque|Flemish|Bavarian|Siberian|Greenlandic|Puerto Rican|Arab|Arabian|Persian|Jewish|Muslim|Christian|Catholic|
  Protestant|Hindu|Sikh|Buddhist|Sunni|Shiite|Shia|Druze|Yazidi|Western|Eastern|Northern|Southern|Central|European|African|Asian|
  Latin|Latino|Latina|Hispanic|Caribbean|Mediterranean|Baltic|Balkan|Nordic|Scandinavian|Caucasian|Levantine|Gulf|Pacific|
  Atlantic|Transatlantic|Middle Eastern|Soviet|Californian|Texan|Floridian|Alaskan|Hawaiian|Sub-Saharan|Pan-African|Pan-Arab|
  Anglo|Franco|Sino|Indo|Euro|Afro|Soviet-era|Kremlin-backed
`);

const norm = (s: string): string => s.replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
const PLACE_SET = new Set([...COUNTRIES, ...US_STATES, ...REGIONS].map(norm));
const DEMONYM_SET = new Set(DEMONYMS.map(norm));

const NOT_PEOPLES = new Set(['Western', 'Eastern', 'Northern', 'Southern', 'Central', 'Gulf', 'Pacific', 'Atlantic', 'Transatlantic', 'Mediterranean', 'Caribbean', 'Latin', 'Baltic', 'Balkan']);

/** Plural demonyms that name a people ("Israelis", "Palestinians", "Arabs"). */
function pluralDemonym(word: string): boolean {
  const stem = word.replace(/s$/, '');
  return stem !== word && DEMONYM_SET.has(stem) && !NOT_PEOPLES.has(stem) && !/(?:sh|ch|ss|ese)$/.test(stem);
}

/** 'place' for a country, US state, continent or region; 'group' for a people ("Palestinians"); else null. */
export function gazetteerKind(name: string): EntityKind | null {
  const n = norm(name).replace(/^the\s+/i, '');
  if (PLACE_SET.has(n)) return 'place';
  const ts = n.split(' ');
  const last = ts[ts.length - 1] ?? '';
  if (pluralDemonym(last) && ts.slice(0, -1).every((t) => DEMONYM_SET.has(t))) return 'group';
  return null;
}

/** True for a known place name. */
export function isKnownPlace(name: string): boolean {
  return gazetteerKind(name) === 'place';
}

/** "Israeli", "Western", "Arab American", "Middle Eastern": adjectives of nationality or region, every word of them. */
export function isDemonymPhrase(name: string): boolean {
  const n = norm(name);
  if (DEMONYM_SET.has(n)) return true;
  const ts = n.split(/[\s-]+/).filter(Boolean);
  return ts.length > 0 && ts.every((t) => DEMONYM_SET.has(t));
}
