/**
 * The words that keep a surname when they come right before it (see context.ts): titles,
 * offices and affiliations, and the function words that start sentences, in English,
 * French and German (German capitalises every noun, so its titles must be known:
 * "Ministerpräsident Netanjahu", "Regierungschef Netanjahu"). Written as the matcher folds
 * them: lower case, accents stripped, ß kept.
 */

const EN_TITLES = `president president-elect senator sen rep representative congressman congresswoman
  mr mrs ms miss mx dr prof professor sir dame lord lady prime minister pm leader speaker premier
  chancellor vice former late then acting deputy secretary governor gov mayor ambassador envoy
  general gen colonel col captain capt commander admiral chief justice judge king queen prince
  princess emir sheikh rabbi pope cardinal chairman chairwoman chair spokesman spokeswoman adviser
  advisor aide candidate nominee democrat democrats democratic republican republicans gop
  independent labour labor conservative likud progressive israeli israelis american americans
  palestinian us u.s uk british french german arab senate house white whip majority minority
  opposition coalition foreign defence defense finance security national incumbent`;

const EN_FUNCTION = `a an the and but or nor so yet for as if when while after before since until unless
  once though although because whereas whether then than that this these those there here where
  why how what who whom whose which also only even still now today tonight yesterday tomorrow
  meanwhile however moreover indeed instead perhaps maybe thus hence therefore later earlier
  again already both either neither not no yes all some many most more every each other another
  such with without by from to in on at of about against under over into onto upon among amid
  between through during despite toward towards via per like unlike including did does do has had
  have having is are was were be been being will would could should can may might must shall said
  says say told tells asked according he she they we i you it his her their our its my your
  monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december`;

const FR_WORDS = `president presidente senateur senatrice ministre premier chef dirigeant leader
  monsieur madame m mme ancien ex democrate republicain americain americaine israelien israelienne
  le la les un une des du de et mais ou donc car quand lorsque si selon pour contre avec sans apres
  avant depuis pendant chez vers alors ainsi enfin puis ensuite cependant pourtant toutefois
  aujourd'hui hier demain lundi mardi mercredi jeudi vendredi samedi dimanche janvier fevrier mars
  avril mai juin juillet aout septembre octobre novembre decembre`;

const DE_WORDS = `prasident prasidentin ministerprasident regierungschef premierminister staatschef
  kanzler bundeskanzler senator senatorin mehrheitsfuhrer fraktionschef oppositionsfuhrer
  minister ministerin aussenminister herr frau ex demokrat demokratin republikaner amtskollege
  israels amerikas washingtons der die das den dem des ein eine einen einem einer und aber oder
  doch denn wenn als wie nach laut mit ohne fur gegen uber unter vor seit wahrend bei heute
  gestern morgen auch noch nun jetzt dass ob so damit weil da montag dienstag mittwoch donnerstag
  freitag samstag sonntag januar februar marz april mai juni juli august september oktober
  november dezember`;

/** All the words, folded (see the module comment). */
export const KEEP_BEFORE_WORDS: readonly string[] = [EN_TITLES, EN_FUNCTION, FR_WORDS, DE_WORDS]
  .join(' ')
  .split(/\s+/)
  .filter((w) => w.length > 0);
