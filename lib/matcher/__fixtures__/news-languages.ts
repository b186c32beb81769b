/**
 * Short news passages in French, German, Hebrew and Arabic, written in the style of each
 * language's press (Le Monde, Tagesschau, Haaretz/Ynet, Al Jazeera) about the story of the
 * shipped pack, with every mention the shipped pack must find in them: the mention's exact
 * text, its entity, and the language of the alias that matched (absent: an alias for any
 * language, such as "Gaza" or "Chuck Schumer").
 */

export interface NewsSample {
  lang: 'fr' | 'de' | 'he' | 'ar';
  text: string;
  /** [mention text, entity id, alias language] in text order. */
  mentions: [string, string, string?][];
}

export const NEWS_SAMPLES: NewsSample[] = [
  {
    lang: 'fr',
    text:
      'Le premier ministre israélien, Benyamin Nétanyahou, a rejeté lundi les critiques de Chuck Schumer, ' +
      'le chef de la majorité démocrate au Sénat américain, qui avait appelé à de nouvelles élections en Israël. ' +
      'Selon Nétanyahou, un cessez-le-feu dans la bande de Gaza sans la libération des otages serait une victoire pour le Hamas. ' +
      'L’offensive terrestre à Rafah inquiète les alliés occidentaux d’Israël : Joe Biden a averti qu’Israël risquait ' +
      'de perdre le soutien de la communauté internationale. Les États-Unis restent attachés à la solution à deux États, ' +
      'a rappelé la Maison-Blanche.',
    mentions: [
      ['premier ministre israélien', 'person/benjamin-netanyahu', 'fr'],
      ['Benyamin Nétanyahou', 'person/benjamin-netanyahu', 'fr'],
      ['Chuck Schumer', 'person/chuck-schumer'],
      ['Sénat américain', 'organisation/us-senate', 'fr'],
      ['nouvelles élections en Israël', 'topic/new-israeli-election', 'fr'],
      ['Nétanyahou', 'person/benjamin-netanyahu', 'fr'],
      ['cessez-le-feu', 'topic/ceasefire', 'fr'],
      ['bande de Gaza', 'place/gaza', 'fr'],
      ['Hamas', 'organisation/hamas'],
      ['offensive terrestre à Rafah', 'topic/rafah-offensive', 'fr'],
      ['alliés occidentaux', 'group/western-allies', 'fr'],
      ['Israël', 'place/israel', 'fr'],
      ['Joe Biden', 'person/joe-biden'],
      ['Israël', 'place/israel', 'fr'],
      ['communauté internationale', 'group/international-community', 'fr'],
      ['États-Unis', 'place/united-states', 'fr'],
      ['solution à deux États', 'topic/two-state-solution', 'fr'],
      ['Maison-Blanche', 'organisation/biden-administration', 'fr'],
    ],
  },
  {
    lang: 'de',
    text:
      'Israels Ministerpräsident Benjamin Netanjahu hat die Kritik von US-Senator Chuck Schumer scharf zurückgewiesen. ' +
      'Schumer, Mehrheitsführer im US-Senat, hatte Neuwahlen in Israel gefordert. Netanjahus Regierung lehnt eine ' +
      'Waffenruhe im Gazastreifen ab, solange die Hamas Geiseln festhält. US-Präsident Joe Biden warnte vor einer ' +
      'Bodenoffensive in Rafah, die Zahl der zivilen Opfer sei zu hoch. Die Vereinigten Staaten halten an der ' +
      'Zweistaatenlösung fest; auch Bidens Regierung sieht darin den Weg zum Frieden im Nahen Osten. Im Gaza-Krieg ' +
      'wächst der Druck der westlichen Verbündeten.',
    mentions: [
      ['Israels Ministerpräsident', 'person/benjamin-netanyahu', 'de'],
      ['Benjamin Netanjahu', 'person/benjamin-netanyahu', 'de'],
      ['US', 'place/united-states'],
      ['Chuck Schumer', 'person/chuck-schumer'],
      ['Schumer', 'person/chuck-schumer'],
      ['US-Senat', 'organisation/us-senate', 'de'],
      ['Neuwahlen in Israel', 'topic/new-israeli-election', 'de'],
      ['Netanjahus', 'person/benjamin-netanyahu', 'de'],
      ['Waffenruhe', 'topic/ceasefire', 'de'],
      ['Gazastreifen', 'place/gaza', 'de'],
      ['Hamas', 'organisation/hamas'],
      ['US', 'place/united-states'],
      ['Joe Biden', 'person/joe-biden'],
      ['Bodenoffensive in Rafah', 'topic/rafah-offensive', 'de'],
      ['zivilen Opfer', 'topic/civilian-casualties', 'de'],
      ['Vereinigten Staaten', 'place/united-states', 'de'],
      ['Zweistaatenlösung', 'topic/two-state-solution', 'de'],
      ['Bidens', 'person/joe-biden', 'de'],
      ['Frieden im Nahen Osten', 'topic/middle-east-peace', 'de'],
      ['Gaza-Krieg', 'event/israel-hamas-war', 'de'],
      ['westlichen Verbündeten', 'group/western-allies', 'de'],
    ],
  },
  {
    lang: 'he',
    text:
      "ראש הממשלה בנימין נתניהו דחה את דבריו של מנהיג הרוב בסנאט, צ'אק שומר, שקרא לבחירות חדשות בישראל. " +
      'לדברי נתניהו, הפסקת אש בעזה תהיה ניצחון לחמאס. הנשיא ביידן הזהיר מפני המבצע ברפיח, ' +
      'וארצות הברית חזרה ותמכה בפתרון שתי המדינות. בבית הלבן מודאגים מהמצב ההומניטרי בעזה, ' +
      'והשומר בכניסה לקריה לא ידע דבר. בין ביידן לנתניהו נפער פער עמוק, והביקורת בארה״ב גוברת.',
    mentions: [
      ['בנימין נתניהו', 'person/benjamin-netanyahu', 'he'],
      ['מנהיג הרוב בסנאט', 'person/chuck-schumer', 'he'],
      ["צ'אק שומר", 'person/chuck-schumer', 'he'],
      ['בחירות חדשות בישראל', 'topic/new-israeli-election', 'he'],
      ['נתניהו', 'person/benjamin-netanyahu', 'he'],
      ['הפסקת אש', 'topic/ceasefire', 'he'],
      ['עזה', 'place/gaza', 'he'],
      ['חמאס', 'organisation/hamas', 'he'],
      ['הנשיא ביידן', 'person/joe-biden', 'he'],
      ['המבצע ברפיח', 'topic/rafah-offensive', 'he'],
      ['ארצות הברית', 'place/united-states', 'he'],
      ['פתרון שתי המדינות', 'topic/two-state-solution', 'he'],
      ['בית הלבן', 'organisation/biden-administration', 'he'],
      ['המצב ההומניטרי בעזה', 'topic/humanitarian-situation-gaza', 'he'],
      ['ביידן', 'person/joe-biden', 'he'],
      ['נתניהו', 'person/benjamin-netanyahu', 'he'],
      ['ארה״ב', 'place/united-states', 'he'],
    ],
  },
  {
    lang: 'ar',
    text:
      'رفض رئيس الوزراء الإسرائيلي بنيامين نتنياهو انتقادات زعيم الأغلبية في مجلس الشيوخ الأمريكي تشاك شومر، ' +
      'الذي دعا إلى إجراء انتخابات جديدة في إسرائيل. وقال نتنياهو إن وقف إطلاق النار في غزة سيكون انتصارا لحماس. ' +
      'وحذّر الرئيس الأمريكي جو بايدن من اجتياح رفح، فيما جددت الولايات المتحدة دعمها لحل الدولتين، ' +
      'وأعرب البيت الأبيض عن قلقه من الوضع الإنساني في غزة. ووجّه نتنياهو انتقادات للولايات المتحدة، وتحدث بحماس كبير ' +
      'عن خطته، بينما يتابع المجتمع الدولي التطورات في الشرق الأوسط.',
    mentions: [
      ['رئيس الوزراء الإسرائيلي', 'person/benjamin-netanyahu', 'ar'],
      ['بنيامين نتنياهو', 'person/benjamin-netanyahu', 'ar'],
      ['زعيم الأغلبية في مجلس الشيوخ', 'person/chuck-schumer', 'ar'],
      ['تشاك شومر', 'person/chuck-schumer', 'ar'],
      ['انتخابات جديدة في إسرائيل', 'topic/new-israeli-election', 'ar'],
      ['نتنياهو', 'person/benjamin-netanyahu', 'ar'],
      ['وقف إطلاق النار', 'topic/ceasefire', 'ar'],
      ['غزة', 'place/gaza', 'ar'],
      ['حماس', 'organisation/hamas', 'ar'],
      ['جو بايدن', 'person/joe-biden', 'ar'],
      ['اجتياح رفح', 'topic/rafah-offensive', 'ar'],
      ['الولايات المتحدة', 'place/united-states', 'ar'],
      ['حل الدولتين', 'topic/two-state-solution', 'ar'],
      ['البيت الأبيض', 'organisation/biden-administration', 'ar'],
      ['الوضع الإنساني في غزة', 'topic/humanitarian-situation-gaza', 'ar'],
      ['نتنياهو', 'person/benjamin-netanyahu', 'ar'],
      ['لولايات المتحدة', 'place/united-states', 'ar'],
      ['المجتمع الدولي', 'group/international-community', 'ar'],
      ['الشرق الأوسط', 'place/middle-east', 'ar'],
    ],
  },
];
