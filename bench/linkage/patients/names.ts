/** Name lists, most common first (rough US frequencies, from general knowledge; not a census extract). */
const w = (s: string): string[] => s.split(',').map((x) => x.trim());

export const ANGLO_SURNAMES = w(
  'Smith,Johnson,Williams,Brown,Jones,Miller,Davis,Wilson,Anderson,Taylor,Thomas,Moore,Martin,Jackson,Thompson,White,' +
    'Harris,Clark,Lewis,Robinson,Walker,Young,Allen,King,Wright,Scott,Hill,Green,Adams,Baker,Nelson,Carter,Mitchell,' +
    'Roberts,Turner,Phillips,Campbell,Parker,Evans,Edwards,Collins,Stewart,Morris,Murphy,Cook,Rogers,Morgan,Cooper,' +
    'Peterson,Reed,Bailey,Bell,Kelly,Howard,Ward,Cox,Richardson,Wood,Watson,Brooks,Bennett,Gray,Hughes,Price,Sanders,' +
    'Myers,Long,Ross,Foster,Powell,Jenkins,Perry,Russell,Sullivan,Butler,Barnes,Fisher,Henderson,Coleman,Simmons,' +
    'Patterson,Jordan,Reynolds,Hamilton,Graham,Wallace,Cole,West,Owens,Marshall,Hayes,Ford,Gibson,Ellis,Harrison,' +
    "McDonald,O'Brien,Schmidt,Meyer,Hoffman,Kowalski,Nowak,Novak,St. John,MacKenzie,O'Connor,McCarthy,Fitzgerald,Schneider," +
    'Weber,Becker,Wagner,Duncan,Stone,Hawkins,Dunn,Perkins,Hudson,Spencer,Gardner,Stephens,Payne,Pierce,Berry,Matthews,' +
    'Arnold,Willis,Ray,Watkins,Olson,Carroll,Snyder,Hart,Cunningham,Bradley,Lane,Andrews,Harper,Fox',
);
export const BLACK_SURNAMES = w(
  'Williams,Johnson,Smith,Jones,Brown,Jackson,Davis,Thomas,Harris,Robinson,Taylor,Wilson,Moore,White,Washington,' +
    'Walker,Thompson,Anderson,Lewis,Green,Edwards,Jefferson,Allen,Scott,Coleman,Butler,Mitchell,Simmons,Freeman,' +
    'Banks,Wright,Hall,Young,Bryant,Gaines,Booker,Mosley,Dorsey,Battle,Rivers,Toussaint,Pierre,Broussard,Batiste,' +
    'Joseph,Dixon,Holmes,Woods,Hayes,Franklin,Jenkins,Henderson,Reed,Gordon,Hunter,Graham,Tucker,Porter,Warren',
);
export const ANGLO_MALE = w(
  'James,John,Robert,Michael,William,David,Richard,Joseph,Thomas,Charles,Christopher,Daniel,Matthew,Anthony,Mark,' +
    'Donald,Steven,Paul,Andrew,Joshua,Kenneth,Kevin,Brian,George,Timothy,Ronald,Edward,Jason,Jeffrey,Ryan,Jacob,Gary,' +
    'Nicholas,Eric,Jonathan,Stephen,Larry,Justin,Scott,Brandon,Benjamin,Samuel,Gregory,Alexander,Patrick,Frank,Raymond,' +
    'Jack,Dennis,Jerry,Tyler,Aaron,Henry,Douglas,Peter,Zachary,Kyle,Noah,Ethan,Logan,Austin,Dylan,Mason,Liam,Aiden,' +
    'Hunter,Caleb,Wyatt,Cody,Travis,Dustin,Bobby,Billy,Wayne,Gerald,Lawrence,Walter,Harold,Roy,Eugene,Carl,Ralph',
);
export const ANGLO_FEMALE = w(
  'Mary,Patricia,Jennifer,Linda,Elizabeth,Barbara,Susan,Jessica,Sarah,Karen,Lisa,Nancy,Betty,Margaret,Sandra,Ashley,' +
    'Kimberly,Emily,Donna,Michelle,Carol,Amanda,Dorothy,Melissa,Deborah,Stephanie,Rebecca,Sharon,Laura,Cynthia,' +
    'Kathleen,Amy,Angela,Shirley,Anna,Brenda,Pamela,Emma,Nicole,Helen,Samantha,Katherine,Christine,Debra,Rachel,' +
    'Carolyn,Janet,Catherine,Heather,Diane,Olivia,Julie,Joyce,Victoria,Kelly,Christina,Lauren,Joan,Evelyn,Judith,' +
    'Megan,Cheryl,Andrea,Hannah,Jacqueline,Martha,Gloria,Teresa,Ann,Sara,Madison,Frances,Kathryn,Janice,Abigail,' +
    'Alice,Judy,Sophia,Grace,Denise,Amber,Doris,Marilyn,Danielle,Beverly,Isabella,Theresa,Diana,Natalie,Brittany,' +
    'Charlotte,Marie,Kayla,Alexis,Lori,Caitlin,Tiffany,Crystal,Brooke,Ava,Chloe,Haley,Taylor,Peggy,Bonnie,Wanda',
);
export const BLACK_MALE = w(
  'James,Michael,Robert,John,Willie,William,David,Charles,Anthony,Kevin,Darnell,Jamal,Tyrone,Marcus,DeAndre,Terrell,' +
    'Andre,Demetrius,Cedric,Reginald,Jerome,Darius,Malik,Jaylen,Jayden,Isaiah,Elijah,Xavier,Tremaine,Dwayne,Lamar,' +
    "Marquis,DeShawn,Antoine,Cornelius,Alphonso,Roosevelt,Calvin,Curtis,Leroy,Otis,D'Andre,Kendrick,Trevon,Jermaine",
);
export const BLACK_FEMALE = w(
  'Mary,Patricia,Linda,Shirley,Dorothy,Gloria,Latoya,Tamika,Keisha,Shanice,Aaliyah,Imani,Destiny,Jasmine,Ebony,' +
    'Tiffany,Crystal,Angela,Tonya,Yolanda,Lakisha,Sharonda,Monique,Brianna,Kiara,Nia,Aisha,Deja,Jada,Makayla,' +
    'Precious,Tasha,Felicia,Regina,Wanda,Bernice,Gwendolyn,Alfreda,Ernestine,Octavia,LaShonda,Shaniqua,Kierra',
);
export const HISP_SURNAMES = w(
  'Garcia,Rodriguez,Martinez,Hernandez,Lopez,Gonzalez,Perez,Sanchez,Ramirez,Torres,Flores,Rivera,Gomez,Diaz,Reyes,' +
    'Morales,Cruz,Ortiz,Gutierrez,Chavez,Ramos,Ruiz,Alvarez,Mendoza,Vasquez,Castillo,Jimenez,Moreno,Romero,Herrera,' +
    'Medina,Aguilar,Garza,Vargas,Guzman,Salazar,Rojas,Delgado,Castro,Contreras,De La Cruz,De Leon,Villarreal,Trevino,' +
    'Cantu,Saenz,Peña,Muñoz,Nuñez,Soto,Espinoza,Ochoa,Zamora,Cervantes,Rios,Luna,Juarez,Acosta,Fuentes,Cardenas,' +
    'Valdez,Ibarra,Sandoval,Navarro,Rangel,Zapata,Escobar,Villanueva,Del Rio,Montoya,Maldonado,Estrada,Hinojosa',
);
export const HISP_MALE = w(
  'Jose,Juan,Luis,Carlos,Jesus,Miguel,Jorge,Francisco,Antonio,Alejandro,Manuel,Pedro,Ricardo,Fernando,Javier,Roberto,' +
    'Eduardo,Daniel,Mario,Rafael,Sergio,Arturo,Raul,Oscar,Hector,Ruben,Victor,Angel,Diego,Adrian,Santiago,Mateo,' +
    'Emiliano,Guillermo,Ignacio,Enrique,Alberto,Armando,Gerardo,Salvador,Alfredo,Ramon,Joaquin,Julio,Cesar,Andres',
);
export const HISP_FEMALE = w(
  'Maria,Guadalupe,Juana,Ana,Rosa,Carmen,Veronica,Patricia,Leticia,Adriana,Gabriela,Alejandra,Claudia,Sandra,Martha,' +
    'Elena,Sofia,Valeria,Ximena,Yesenia,Daniela,Mariana,Lucia,Isabella,Camila,Esmeralda,Araceli,Maricela,Rosario,' +
    'Concepcion,Josefina,Beatriz,Silvia,Norma,Yolanda,Alicia,Irma,Blanca,Elizabeth,Jessica,Karla,Vanessa,Brenda',
);
/** Second given names for compound Hispanic first names ("Maria Guadalupe", "Jose Luis"). */
export const HISP_SECOND_M = w('Luis,Antonio,Manuel,Carlos,Angel,Miguel,Alberto,Juan,Francisco,de Jesus');
export const HISP_SECOND_F = w('Guadalupe,Del Carmen,Elena,Isabel,de los Angeles,Teresa,Luisa,Fernanda,Jose,Cristina');

export const VIET_SURNAMES = w(
  'Nguyen,Nguyen,Nguyen,Tran,Le,Pham,Huynh,Hoang,Phan,Vu,Vo,Dang,Bui,Do,Ho,Ngo,Duong,Ly,Truong',
);
export const VIET_MALE = w(
  'Minh,Hung,Tuan,Thanh,Long,Nam,Quang,Duc,Hai,Khanh,Bao,Tam,Hieu,Dung,Phuc,Vinh,Son,Cuong,Trung',
);
export const VIET_FEMALE = w(
  'Lan,Mai,Hoa,Huong,Linh,Thu,Trang,Phuong,Ngoc,Thao,Vy,Anh,Hanh,Nga,Tuyet,Loan,Dao,Hong,Yen',
);
export const VIET_MIDDLE_M = w('Van,Van,Van,Duc,Minh,Quoc,Huu,Thanh');
export const VIET_MIDDLE_F = w('Thi,Thi,Thi,Ngoc,Thanh,Kim,Thu');
export const CHINESE_SURNAMES = w(
  'Wang,Li,Zhang,Liu,Chen,Yang,Huang,Zhao,Wu,Zhou,Lin,Xu,Wong,Lee,Chan,Cheung,Lam,Ng,Chow',
);
export const CHINESE_SYL_M = w('Wei,Jian,Hao,Jun,Ming,Lei,Tao,Yong,Qiang,Bo,Guo,Zhi,Xiao,Hong,Feng,Yu,Cheng');
export const CHINESE_SYL_F = w('Li,Mei,Jing,Yan,Xiu,Hui,Ying,Lan,Fang,Xia,Xiao,Na,Ling,Yu,Qing,Hua,Juan');
export const KOREAN_SURNAMES = w('Kim,Lee,Park,Choi,Jung,Kang,Cho,Yoon,Jang,Lim,Han,Shin,Oh,Seo');
export const KOREAN_SYL_M = w('Min,Jun,Ji,Hoon,Sung,Jae,Hyun,Woo,Seung,Dong,Young,Ho,Jin,Sang');
export const KOREAN_SYL_F = w('Seo,Yeon,Ji,Eun,Hye,Soo,Min,Young,Ha,Yoon,Jin,Kyung,Hee,Sun');
export const ENGLISH_FOR_ASIAN_M = w(
  'David,Kevin,Tommy,Peter,Michael,Daniel,Andrew,Jimmy,Tony,Johnny,Henry,Eric,Vincent',
);
export const ENGLISH_FOR_ASIAN_F = w(
  'Jenny,Tina,Linda,Amy,Grace,Michelle,Cindy,Lily,Helen,Nancy,Vivian,Julie,Christine',
);

/** Short and familiar forms a patient gives at the desk, and anglicised Spanish names. */
export const NICKNAMES: Record<string, string[]> = Object.fromEntries(
  (
    'William:Bill,Will,Billy|Robert:Bob,Rob,Bobby|Richard:Rick,Rich,Dick|James:Jim,Jimmy,Jamie|John:Jack,Johnny|' +
    'Michael:Mike|Thomas:Tom,Tommy|Charles:Charlie,Chuck|Joseph:Joe,Joey|Christopher:Chris|Daniel:Dan,Danny|' +
    'Matthew:Matt|Anthony:Tony|Steven:Steve|Stephen:Steve|Edward:Ed,Eddie,Ted|Kenneth:Ken,Kenny|Ronald:Ron,Ronnie|' +
    'Timothy:Tim|Jonathan:Jon|Nicholas:Nick|Benjamin:Ben|Samuel:Sam|Alexander:Alex|Andrew:Andy,Drew|Joshua:Josh|' +
    'Zachary:Zach|Gregory:Greg|Patrick:Pat|Jeffrey:Jeff|Lawrence:Larry|Gerald:Jerry|Raymond:Ray|Donald:Don,Donnie|' +
    'Douglas:Doug|David:Dave|Walter:Walt|Harold:Hal|Eugene:Gene|Elizabeth:Liz,Beth,Betty,Lisa|Margaret:Peggy,Maggie|' +
    'Katherine:Kathy,Kate,Katie|Kathleen:Kathy|Patricia:Pat,Patty,Trish|Jennifer:Jen,Jenny|Deborah:Debbie,Deb|' +
    'Debra:Debbie|Susan:Sue,Suzy|Barbara:Barb|Rebecca:Becky|Christine:Chris,Chrissy|Jessica:Jess|Kimberly:Kim|' +
    'Victoria:Vicky,Tori|Samantha:Sam|Abigail:Abby|Cynthia:Cindy|Pamela:Pam|Dorothy:Dot,Dottie|Theresa:Terry|' +
    'Teresa:Terry|Jacqueline:Jackie|Catherine:Cathy|Judith:Judy|Frances:Fran|Sandra:Sandy|Gwendolyn:Gwen|' +
    'Guadalupe:Lupe,Lupita|Jose:Joe,Pepe|Francisco:Frank,Paco,Pancho|Jesus:Jesse,Chuy|Ignacio:Nacho|Roberto:Robert,Beto|' +
    'Alberto:Beto,Al|Enrique:Henry,Kike|Rosario:Chayo|Concepcion:Conchita,Connie|Alejandro:Alex|Guillermo:William,Memo|' +
    'Miguel:Michael,Mike|Juan:John|Eduardo:Eddie,Lalo|Manuel:Manny|Ramon:Ray|Josefina:Josie|Alejandra:Alex|' +
    'Gabriela:Gaby|Esmeralda:Esme|Ricardo:Richard|Rafael:Ralph'
  )
    .split('|')
    .map((e) => {
      const [k, v] = e.split(':');
      return [k, v.split(',')];
    }),
);

/** Spellings a registration clerk hears differently. */
export const SPELLINGS: Record<string, string[]> = Object.fromEntries(
  (
    'Sarah:Sara|Sara:Sarah|Ann:Anne|Katherine:Kathryn,Catherine|Catherine:Katherine|Kathryn:Katherine|Steven:Stephen|' +
    'Stephen:Steven|Jeffrey:Geoffrey|Brian:Bryan|Caitlin:Kaitlyn,Katelyn|Jaylen:Jalen,Jaylin|Aaliyah:Aliyah|' +
    'Brianna:Breanna|Jasmine:Jazmine|Latoya:LaToya|Shanice:Shaniece|Teresa:Theresa|Theresa:Teresa|Jon:John|' +
    'Alicia:Alisha|Yesenia:Yessenia|Vanessa:Venessa|Isabella:Isabela|Ximena:Jimena|Jesus:Jesús|Jose:José|Maria:María|' +
    'Rodriguez:Rodrigues|Gonzalez:Gonzales|Hernandez:Hernandes|Vasquez:Vazquez,Velasquez|Martinez:Martines|' +
    'Thompson:Thomson|Peterson:Petersen|Reed:Reid|Gray:Grey|Myers:Meyers|Meyer:Meier,Mayer|Schmidt:Schmitt|' +
    'Nguyen:Nguyn,Ngyuen,Nguen|Huynh:Huyn|Hoang:Huang|Cheung:Chung|Chow:Chou|Jung:Chung|Lee:Li|Li:Lee|' +
    'Hinojosa:Inojosa|Villarreal:Villareal|Trevino:Trevinio|Saenz:Sanz|Cervantes:Servantes|Juarez:Suarez|' +
    'Toussaint:Toussant|Broussard:Brousard|Batiste:Baptiste|Kowalski:Kovalski|Novak:Nowak'
  )
    .split('|')
    .map((e) => {
      const [k, v] = e.split(':');
      return [k, v.split(',')];
    }),
);
