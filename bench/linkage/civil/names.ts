// Name, street and town lists for the civil-register generator. Lists are written most common first;
// the generator weights them by rank. Frequencies are the author's judgement, not census figures.

const words = (s: string): string[] => s.trim().split(/\s+/);

export type Origin = 'de' | 'tr' | 'pl' | 'ru' | 'it';

export const GERMAN_SURNAMES = words(`
Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein Wolf
Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt Werner Schmitz Krause Meier Lehmann
Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs Peters Lang Scholz Möller Weiß Jung Hahn
Schubert Vogel Friedrich Keller Günther Frank Berger Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster Simon
Ludwig Böhm Winter Kraus Martin Schumacher Krämer Vogt Stein Jäger Otto Sommer Groß Seidel Heinrich Brandt Haas
Schreiber Graf Schulte Dietrich Ziegler Kuhn Kühn Pohl Engel Horn Busch Bergmann Thomas Voigt Sauer Arnold Wolff
Pfeiffer Klassen Janzen Friesen Dyck Penner Wiens Neufeld`);

// Rare German surnames are built from a root and an ending (Steinhauer, Lindner, Holzapfel...).
export const SURNAME_ROOTS = words(`
Acker Bach Baum Berg Brand Busch Eich Feld Fink Gold Hart Heil Hirsch Holz Horn Kirch Kolb Kranz Lind Mohr Ober
Ross Sand Schön Stock Wald Weid Zeh Rein Ham Wend Buch Ahl Dorn Kamp Loh Mar Rau Stahl Tann Alt Bruck Esch Hell`);
export const SURNAME_ENDINGS = words(`
mann er ner berger meier hofer bauer müller huber inger ke el ler hardt stetter wald feld dorf rath ert hauer
haus mayer reiter schläger wein`);

export const SURNAMES: Record<Exclude<Origin, 'de'>, string[]> = {
  tr: words(`Yılmaz Kaya Demir Şahin Çelik Yıldız Yıldırım Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Çetin Kara
    Koç Kurt Özkan Şimşek Polat Korkmaz Erdoğan Güneş Aksoy`),
  pl: words(`Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Dąbrowski
    Kozłowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowakowski Pawłowski Michalski`),
  ru: words(`Iwanow Petrow Smirnow Kusnezow Popow Wolkow Sokolow Lebedew Morosow Nowikow Schmidt Becker Wagner Fischer
    Klassen Janzen Friesen Dyck Penner Wiens Neufeld Hildebrandt Reimer Martens Hamm Giesbrecht`),
  it: words(`Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti Papadopoulos
    Georgiou Dimitriou Nikolaidis Ioannidis Papadakis Vlachos`),
};

// Given names by origin and sex; German names by birth cohort (before 1955, 1955-79, from 1980).
export const GIVEN: Record<string, string[]> = {
  'de-m-0': words(`Hans Karl Heinz Günter Werner Gerhard Walter Helmut Horst Kurt Wilhelm Heinrich Josef Friedrich
    Herbert Dieter Klaus Rudolf Ernst Erich Manfred Johann Karl-Heinz Otto Willi Alfred Georg Paul Hermann Rolf`),
  'de-f-0': words(`Ursula Gertrud Ilse Hildegard Erika Anneliese Christa Elisabeth Margarete Inge Ingrid Gisela Helga
    Irmgard Renate Edith Hannelore Charlotte Gerda Ruth Waltraud Marianne Elfriede Anna Maria Käthe Rosemarie Lieselotte`),
  'de-m-1': words(`Thomas Michael Andreas Peter Frank Stefan Jürgen Uwe Klaus Wolfgang Bernd Jörg Ralf Matthias
    Markus Holger Dirk Sven Carsten Torsten Martin Christian Alexander Hans-Peter Rainer Joachim Norbert Detlef Olaf
    Volker Achim Heiko Jens Thorsten Guido Oliver Axel Ulrich Harald`),
  'de-f-1': words(`Sabine Petra Susanne Andrea Monika Birgit Claudia Gabriele Karin Heike Angelika Martina Kerstin
    Stefanie Nicole Christine Silke Anja Katrin Manuela Barbara Brigitte Elke Doris Cornelia Ute Marion Simone Anke
    Tanja Sandra Bettina Iris Jutta Regina Beate Kathrin Annette Daniela`),
  'de-m-2': words(`Daniel Jan Tobias Florian Sebastian Lukas Felix Maximilian Paul Jonas Tim Niklas Julian Finn Ben
    Elias Noah Leon Philipp David Alexander Christian Dennis Kevin Marcel Patrick Benjamin Moritz Simon Johannes Fabian
    Dominik Marco Luca Henry Emil Matthias Nico Robin`),
  'de-f-2': words(`Julia Anna Laura Lena Sarah Lisa Katharina Hannah Lea Sophie Marie Emma Mia Leonie Johanna Jana
    Nina Melanie Jessica Vanessa Jennifer Christina Franziska Carolin Sandra Alina Emily Clara Charlotte Luisa
    Paula Maria Theresa Vivien Anna-Lena Elisabeth Nadine Stefanie Michelle Svenja`),
  'tr-m': words(`Mehmet Mustafa Ahmet Ali Hüseyin Hasan İbrahim Murat Emre Can Yusuf Ömer Serkan Burak Kemal Osman`),
  'tr-f': words(`Fatma Ayşe Emine Hatice Zeynep Elif Meryem Özlem Derya Aylin Esra Büşra Sibel Gül Hülya Melek`),
  'pl-m': words(`Piotr Krzysztof Tomasz Paweł Marek Michał Andrzej Jan Łukasz Grzegorz Wojciech Adam Marcin Jakub`),
  'pl-f': words(`Anna Katarzyna Małgorzata Agnieszka Joanna Magdalena Ewa Barbara Monika Dorota Beata Justyna Marta`),
  'ru-m': words(`Waldemar Viktor Alexander Sergej Andrej Eugen Juri Dmitri Wladimir Johann Nikolai Igor Oleg Artur`),
  'ru-f': words(`Olga Natalia Swetlana Irina Tatjana Elena Ludmila Galina Valentina Lilli Larissa Nadeschda Jelena`),
  'it-m': words(`Giuseppe Antonio Marco Giovanni Salvatore Francesco Dimitrios Georgios Konstantinos Nikolaos Luca`),
  'it-f': words(`Maria Giuseppina Anna Francesca Rosa Eleni Georgia Sofia Katerina Angela Giulia Despina`),
};

// Short and familiar forms people give at a reception desk.
export const NICKNAMES: Record<string, string[]> = {
  Johannes: ['Hans', 'Jo'],
  Johann: ['Hans'],
  Wolfgang: ['Wolf'],
  Friedrich: ['Fritz'],
  Alexander: ['Alex', 'Sascha'],
  Christian: ['Chris'],
  Christine: ['Tina'],
  Christina: ['Tina'],
  Katharina: ['Kathi', 'Katja'],
  Elisabeth: ['Lisa', 'Elli', 'Liesel'],
  Margarete: ['Grete', 'Margit'],
  Stefanie: ['Steffi'],
  Maximilian: ['Max'],
  Sebastian: ['Basti'],
  Michael: ['Micha'],
  Andreas: ['Andi'],
  Thomas: ['Tom'],
  Daniel: ['Dani'],
  Gabriele: ['Gabi'],
  Susanne: ['Susi'],
  Benjamin: ['Ben'],
  Tobias: ['Tobi'],
  Theresa: ['Resi'],
  Franziska: ['Franzi'],
  Josef: ['Sepp', 'Jupp'],
  Heinrich: ['Heinz'],
  Wilhelm: ['Willi'],
  Nikolai: ['Kolja'],
  Natalia: ['Natascha'],
  Tatjana: ['Tanja'],
  Swetlana: ['Sweta'],
  Elena: ['Lena'],
  Jelena: ['Lena'],
  Katarzyna: ['Kasia'],
  Małgorzata: ['Gosia'],
  Giuseppe: ['Peppe'],
  Francesco: ['Franco'],
  Annette: ['Anne'],
  'Karl-Heinz': ['Kalle'],
  'Hans-Peter': ['Hape'],
  'Anna-Lena': ['Anna'],
  Cornelia: ['Conny'],
  Manuela: ['Manu'],
};

// Spellings one hears alike; the registry of a GP practice is typed from what the patient says.
export const HEARD_ALIKE = [
  'Meyer Meier Maier Mayer',
  'Schmidt Schmitt Schmid',
  'Schäfer Schaefer Schäffer',
  'Hoffmann Hofmann',
  'Schulz Schultz Schulze',
  'Schwarz Schwartz',
  'Walter Walther',
  'Kraus Krause',
  'Wolf Wolff',
  'Vogt Voigt',
  'Jansen Janzen Janssen',
  'Dyck Dück Dick',
  'Stefan Stephan',
  'Ralf Ralph',
  'Carsten Karsten',
  'Katrin Kathrin Catrin',
  'Claudia Klaudia',
  'Nicole Nikole',
  'Sven Swen',
  'Jörg Joerg',
  'Natalia Natalja Nataliya',
  'Sergej Sergei Sergey',
  'Juri Jurij Yuri',
  'Swetlana Svetlana',
  'Jelena Elena Yelena',
  'Viktor Victor Wiktor',
  'Eugen Evgenij Jewgeni',
].map(words);

export const STREETS = words(`
Hauptstraße Bahnhofstraße Schulstraße Gartenstraße Dorfstraße Bergstraße Kirchstraße Waldstraße Lindenstraße
Ringstraße Goethestraße Schillerstraße Mozartstraße Friedhofstraße Feldstraße Wiesenstraße Sonnenstraße Jahnstraße
Parkstraße Mühlenweg Birkenweg Rosenweg Amselweg Buchenweg Kirchweg Am_Markt Am_Sportplatz Lessingstraße
Friedrichstraße Beethovenstraße Poststraße Industriestraße Uhlandstraße Blumenstraße Kastanienallee Eichendorffstraße
Marktplatz Talstraße Rathausstraße Bismarckstraße Kantstraße Heinestraße Mittelweg Akazienweg Fliederweg Im_Winkel
Rheinstraße Danziger_Straße Berliner_Straße Hamburger_Straße Münchner_Straße Frankfurter_Allee Weststraße
Nordring Ostpark Südstraße Tulpenweg Drosselweg Finkenweg Karl-Marx-Straße Hölderlinweg Mörikestraße Grüner_Weg`).map(
  (s) => s.replace(/_/g, ' '),
);

// name|first postcode|last postcode|area code|inhabitants (thousands)|other ways to write the name
export const TOWNS = `
Berlin|10115|14199|030|3600|
Hamburg|20095|22769|040|1800|
München|80331|81929|089|1500|Muenchen
Köln|50667|51149|0221|1080|Koeln;Cologne
Frankfurt am Main|60306|60599|069|750|Frankfurt a.M.;Frankfurt/Main;Frankfurt
Stuttgart|70173|70629|0711|630|
Düsseldorf|40210|40629|0211|620|
Leipzig|04103|04357|0341|600|
Dortmund|44135|44388|0231|590|
Essen|45127|45359|0201|580|
Bremen|28195|28779|0421|570|
Dresden|01067|01328|0351|560|
Hannover|30159|30669|0511|540|
Nürnberg|90402|90491|0911|520|
Duisburg|47051|47279|0203|500|
Bochum|44787|44894|0234|360|
Wuppertal|42103|42399|0202|355|
Bielefeld|33602|33739|0521|335|
Bonn|53111|53229|0228|330|
Münster|48143|48167|0251|315|Münster (Westf.);Münster/Westf.
Mannheim|68159|68309|0621|310|
Karlsruhe|76131|76229|0721|305|
Augsburg|86150|86199|0821|300|
Wiesbaden|65183|65207|0611|280|
Mönchengladbach|41061|41239|02161|260|M'gladbach;Moenchengladbach
Gelsenkirchen|45879|45899|0209|260|
Aachen|52062|52080|0241|250|
Braunschweig|38100|38126|0531|250|
Kiel|24103|24159|0431|245|
Chemnitz|09111|09247|0371|245|
Halle (Saale)|06108|06132|0345|240|Halle;Halle/Saale;Halle a.d. Saale
Magdeburg|39104|39130|0391|236|
Freiburg im Breisgau|79098|79117|0761|230|Freiburg;Freiburg i.Br.
Mainz|55116|55131|06131|220|
Lübeck|23552|23570|0451|215|
Erfurt|99084|99099|0361|213|
Rostock|18055|18147|0381|209|
Kassel|34117|34134|0561|200|
Saarbrücken|66111|66133|0681|180|
Mülheim an der Ruhr|45468|45481|0208|170|Mülheim a.d. Ruhr;Mülheim/Ruhr;Mülheim
Potsdam|14467|14482|0331|180|
Osnabrück|49074|49090|0541|165|
Oldenburg|26121|26135|0441|170|Oldenburg (Oldb)
Regensburg|93047|93059|0941|155|
Würzburg|97070|97084|0931|127|
Göttingen|37073|37085|0551|118|
Ulm|89073|89081|0731|126|Ulm/Donau
Heilbronn|74072|74081|07131|126|
Trier|54290|54296|0651|110|
Bamberg|96047|96052|0951|77|
Fulda|36037|36043|0661|68|
Marburg|35037|35043|06421|77|Marburg/Lahn;Marburg an der Lahn
Lüneburg|21335|21339|04131|76|
Celle|29221|29229|05141|70|
Landshut|84028|84036|0871|73|
Passau|94032|94036|0851|53|
Konstanz|78462|78467|07531|86|
Jena|07743|07749|03641|110|
Weimar|99423|99427|03643|65|
Cottbus|03042|03055|0355|98|Cottbus/Chóśebuz
Schwerin|19053|19063|0385|96|
Stralsund|18435|18439|03831|59|
Bad Kreuznach|55543|55545|0671|51|Kreuznach
Weilheim in Oberbayern|82362|82362|0881|23|Weilheim i.OB;Weilheim
Zwickau|08056|08066|0375|87|`;
