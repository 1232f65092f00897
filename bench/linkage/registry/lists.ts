// Name, place and occupation lists for the registry generator, written from general knowledge of
// British (and some foreign) naming in the 18th–20th centuries. Lists are in rough order of
// frequency: the generator draws from them with a Zipf-like skew, so order matters more than
// exact membership. Multi-word surnames are written with '_' for the space.

// A trailing '_' marks a repeat noticed while writing the list; such tokens are dropped, and each
// name is kept once, at its first (most frequent) position.
const words = (s: string): string[] => [
  ...new Set(
    s
      .split(/\s+/)
      .filter((w) => w.length > 0 && !w.endsWith('_'))
      .map((w) => w.replace(/_/g, ' ')),
  ),
];

export const MALE_GIVEN = words(`
John William Thomas James George Charles Henry Joseph Robert Edward Richard Samuel Frederick Arthur
Albert Alfred Walter Ernest Harry Francis David Frank Herbert Benjamin Daniel Alexander Peter Edwin
Harold Sidney Stanley Leonard Percy Reginald Matthew Isaac Hugh Andrew Michael Patrick Stephen
Jonathan Philip Edmund Ralph Roger Nicholas Christopher Anthony Lawrence Archibald Duncan Donald
Kenneth Malcolm Norman Cyril Cecil Horace Victor Wilfred Herbert_ Clement Lionel Maurice Hubert
Gerald Geoffrey Leslie Eric Howard Bernard Douglas Ronald Raymond Gilbert Oliver Jacob Abraham
Aaron Nathaniel Josiah Jeremiah Moses Enoch Amos Silas Solomon Simon Timothy Adam Luke Mark Paul
Martin Lewis Louis Augustus Horatio Theodore Ambrose Basil Claude Clarence Clifford Dennis Felix
Guy Jesse Julius Lancelot Montague Noel Oscar Percival Reuben Rowland Roland Rufus Septimus Spencer
Sylvester Terence Trevor Valentine Vernon Wallace Winston Allan Alan Austin Bartholomew Benedict
Bertram Conrad Desmond Dudley Edgar Eli Ellis Emmanuel Erasmus Ferdinand Gabriel Giles Hector
Jasper Jerome Joel Joshua Leopold Miles Mordecai Neville Obadiah Octavius Quentin Randolph Roderick
Russell Sampson Seth Thaddeus Uriah Wyndham Humphrey Godfrey Gideon Tobias Zachariah Ezekiel Elijah
Nathan Simeon Cornelius Marmaduke Cuthbert Everard Crispin Baldwin Barnaby Tristram Sebastian
Nigel Mervyn Evan Owen Rhys Gareth Dafydd Llewellyn Gwilym Emlyn Idris Ivor Glyn Aneurin Cledwyn
Iorwerth Islwyn Ieuan Angus Colin Ian Neil Gordon Stuart Bruce Alastair Hamish Fraser Ewan Murdo
Lachlan Torquil Ninian Fergus Dugald Alasdair Seamus Sean Liam Dermot Brendan Declan Eamon Cormac
Denis Finbar Kieran Padraig Fintan Terence_ Myles
`);

export const FEMALE_GIVEN = words(`
Mary Elizabeth Ann Sarah Jane Margaret Hannah Emma Alice Ellen Catherine Martha Eliza Annie Emily
Harriet Charlotte Susan Frances Florence Edith Ada Louisa Caroline Agnes Isabella Maria Lucy Rose
Clara Fanny Esther Rebecca Betsy Dorothy Ethel Gladys Doris Lilian Mabel Minnie Elsie Nellie Lily
Violet Ivy Winifred Hilda Evelyn Gertrude Grace Kathleen Marjorie Phyllis Irene Joan Vera Beatrice
Amy Amelia Anne Helen Eleanor Isabel Janet Jean Christina Flora Marion Euphemia Jessie Williamina
Georgina Henrietta Wilhelmina Bridget Honora Johanna Julia Norah Sheila Maureen Eileen Bronwen
Gwendolen Gwen Myfanwy Blodwen Olwen Ceridwen Megan Rhiannon Gwladys Abigail Adelaide Agatha
Alexandra Alma Angelina Arabella Augusta Barbara Bertha Blanche Cecilia Cecily Charity Constance
Cordelia Cynthia Daisy Deborah Delia Diana Dinah Dora Edna Effie Elinor Emmeline Enid Esme Eugenie
Eunice Eva Eve Faith Felicity Hester Hope Ida Iris Isobel Jemima Jennet Jessica Joanna Josephine
Judith Juliet Kezia Laura Lavinia Leah Letitia Lettice Lois Lydia Madeline Marianne Matilda Maud
May Mercy Millicent Miriam Muriel Naomi Olive Olivia Patience Pauline Penelope Philippa Priscilla
Prudence Rachel Rhoda Rosa Rosamund Rosina Ruth Sabina Selina Sophia Susanna Sybil Tabitha Teresa
Theodora Ursula Victoria Virginia Zillah Beryl Brenda Audrey Joyce Margery Sylvia Rita Pamela
Patricia Valerie Mavis Freda Hazel Lorna Mildred Nancy Norma Thelma Thomasina Alexandrina Siobhan
Deirdre Nora Kirsty Morag Catriona Elspeth Marsali Peigi Mairi Grizel Rowena Gwenllian Angharad
`);

// Formal given name → short forms and pet forms in common English use.
export const NICKNAMES: Record<string, string[]> = {
  William: ['Bill', 'Will', 'Willie', 'Billy'],
  John: ['Jack', 'Johnny', 'Jock'],
  Thomas: ['Tom', 'Tommy'],
  James: ['Jim', 'Jimmy', 'Jamie', 'Jem'],
  George: ['Geordie'],
  Charles: ['Charlie', 'Chas'],
  Henry: ['Harry', 'Hal', 'Hank'],
  Joseph: ['Joe', 'Joey'],
  Robert: ['Bob', 'Bobby', 'Rob', 'Robbie', 'Rab'],
  Edward: ['Ted', 'Ned', 'Eddie', 'Teddy'],
  Richard: ['Dick', 'Rick', 'Dickie'],
  Samuel: ['Sam', 'Sammy'],
  Frederick: ['Fred', 'Freddie'],
  Arthur: ['Art', 'Artie'],
  Albert: ['Bert', 'Bertie', 'Al'],
  Alfred: ['Alf', 'Alfie'],
  Walter: ['Walt', 'Wally', 'Wat'],
  Ernest: ['Ernie'],
  Francis: ['Frank', 'Frankie'],
  David: ['Dave', 'Davy', 'Dai'],
  Herbert: ['Herb', 'Bert', 'Herbie'],
  Benjamin: ['Ben', 'Benny'],
  Daniel: ['Dan', 'Danny'],
  Alexander: ['Alex', 'Alec', 'Sandy'],
  Peter: ['Pete'],
  Edwin: ['Ed', 'Eddie'],
  Harold: ['Harry', 'Hal'],
  Sidney: ['Sid'],
  Stanley: ['Stan'],
  Leonard: ['Len', 'Lenny'],
  Percy: ['Perce'],
  Reginald: ['Reg', 'Reggie'],
  Matthew: ['Matt'],
  Isaac: ['Ike'],
  Andrew: ['Andy', 'Drew'],
  Michael: ['Mick', 'Mike', 'Mickey'],
  Patrick: ['Pat', 'Paddy'],
  Stephen: ['Steve'],
  Jonathan: ['Jon', 'Jonny'],
  Philip: ['Phil'],
  Edmund: ['Ned', 'Ted'],
  Nicholas: ['Nick', 'Nicky'],
  Christopher: ['Chris', 'Kit'],
  Anthony: ['Tony'],
  Lawrence: ['Larry', 'Laurie'],
  Archibald: ['Archie'],
  Donald: ['Don', 'Donnie'],
  Kenneth: ['Ken', 'Kenny'],
  Douglas: ['Doug', 'Dougie'],
  Cornelius: ['Con', 'Neil'],
  Clement: ['Clem'],
  Victor: ['Vic'],
  Wilfred: ['Wilf'],
  Gerald: ['Gerry'],
  Geoffrey: ['Geoff', 'Jeff'],
  Jeremiah: ['Jerry'],
  Jacob: ['Jake'],
  Abraham: ['Abe'],
  Nathaniel: ['Nat'],
  Ezekiel: ['Zeke'],
  Solomon: ['Sol'],
  Timothy: ['Tim'],
  Zachariah: ['Zach'],
  Theodore: ['Theo', 'Teddy'],
  Augustus: ['Gus'],
  Bernard: ['Bernie'],
  Gilbert: ['Gil', 'Bert'],
  Oliver: ['Ollie', 'Noll'],
  Montague: ['Monty'],
  Percival: ['Percy'],
  Terence: ['Terry'],
  Valentine: ['Val'],
  Bartholomew: ['Bart'],
  Bertram: ['Bert', 'Bertie'],
  Clifford: ['Cliff'],
  Ferdinand: ['Ferdie'],
  Joshua: ['Josh'],
  Leopold: ['Leo'],
  Randolph: ['Randy'],
  Raymond: ['Ray'],
  Ronald: ['Ron', 'Ronnie'],
  Russell: ['Russ'],
  Mary: ['Polly', 'Molly', 'Mamie', 'May', 'Minnie'],
  Elizabeth: ['Betty', 'Bess', 'Bessie', 'Betsy', 'Lizzie', 'Eliza', 'Beth', 'Libby'],
  Ann: ['Annie', 'Nancy', 'Nan'],
  Anne: ['Annie', 'Nancy', 'Nan'],
  Sarah: ['Sally', 'Sadie'],
  Jane: ['Jenny', 'Jennie', 'Janey'],
  Margaret: ['Peggy', 'Maggie', 'Meg', 'Madge', 'Daisy', 'Maisie'],
  Hannah: ['Nan', 'Annie'],
  Emma: ['Emmy'],
  Alice: ['Allie'],
  Ellen: ['Nell', 'Nellie', 'Ellie'],
  Helen: ['Nell', 'Nellie'],
  Catherine: ['Kate', 'Kitty', 'Cathy', 'Katie'],
  Martha: ['Patty', 'Mattie'],
  Emily: ['Emmy', 'Millie'],
  Harriet: ['Hattie', 'Hatty'],
  Charlotte: ['Lottie', 'Lotty'],
  Susan: ['Sue', 'Susie', 'Sukey'],
  Frances: ['Fanny', 'Fran'],
  Florence: ['Flo', 'Florrie', 'Flossie'],
  Edith: ['Edie'],
  Louisa: ['Lou', 'Louie'],
  Caroline: ['Carrie', 'Lina'],
  Agnes: ['Aggie', 'Nessie'],
  Isabella: ['Bella', 'Isa', 'Belle'],
  Maria: ['Ria'],
  Clara: ['Clarrie'],
  Esther: ['Hetty', 'Essie'],
  Rebecca: ['Becky'],
  Dorothy: ['Dolly', 'Dot', 'Dottie', 'Dora'],
  Lilian: ['Lily', 'Lil'],
  Winifred: ['Winnie', 'Win'],
  Gertrude: ['Gertie', 'Trudy'],
  Evelyn: ['Evie'],
  Kathleen: ['Kathy', 'Kate', 'Kay'],
  Marjorie: ['Marge', 'Madge'],
  Phyllis: ['Phyl'],
  Beatrice: ['Bea', 'Trixie'],
  Amelia: ['Millie', 'Milly'],
  Eleanor: ['Nora', 'Nell', 'Ellie'],
  Christina: ['Chrissie', 'Teenie', 'Kirsty'],
  Euphemia: ['Effie', 'Phemie'],
  Georgina: ['Georgie', 'Ina'],
  Henrietta: ['Hetty', 'Etta', 'Netta'],
  Wilhelmina: ['Mina', 'Minnie', 'Elma'],
  Williamina: ['Mina', 'Ina'],
  Bridget: ['Biddy', 'Bridie', 'Delia'],
  Honora: ['Nora', 'Honor'],
  Johanna: ['Hannah', 'Jo'],
  Julia: ['Julie'],
  Abigail: ['Abby', 'Nabby'],
  Adelaide: ['Addie'],
  Agatha: ['Aggie'],
  Arabella: ['Bella'],
  Augusta: ['Gussie'],
  Barbara: ['Babs'],
  Cecilia: ['Cissie', 'Celia'],
  Cecily: ['Cissie'],
  Constance: ['Connie'],
  Deborah: ['Debbie'],
  Hester: ['Hetty'],
  Jemima: ['Mima'],
  Jessica: ['Jess', 'Jessie'],
  Josephine: ['Jo', 'Josie'],
  Judith: ['Judy'],
  Letitia: ['Letty', 'Tish'],
  Lydia: ['Liddy'],
  Madeline: ['Maddie'],
  Matilda: ['Tilly', 'Maud', 'Mattie'],
  Millicent: ['Millie', 'Milly'],
  Patricia: ['Pat', 'Patsy'],
  Penelope: ['Penny'],
  Philippa: ['Pippa'],
  Priscilla: ['Cilla'],
  Prudence: ['Prue'],
  Rosina: ['Rosie'],
  Sophia: ['Sophie'],
  Susanna: ['Sukey', 'Susie', 'Sue'],
  Theodora: ['Dora'],
  Victoria: ['Vicky'],
  Virginia: ['Ginny'],
  Pamela: ['Pam'],
  Valerie: ['Val'],
  Alexandrina: ['Ina', 'Drina'],
  Thomasina: ['Tamsin'],
};

// Clerks' contractions of common given names in old registers and census books.
export const ABBREVIATIONS: Record<string, string> = {
  William: 'Wm',
  John: 'Jno',
  Thomas: 'Thos',
  James: 'Jas',
  Charles: 'Chas',
  George: 'Geo',
  Robert: 'Robt',
  Richard: 'Richd',
  Edward: 'Edwd',
  Samuel: 'Saml',
  Benjamin: 'Benj',
  Joseph: 'Jos',
  Alexander: 'Alexr',
  Henry: 'Hy',
  Frederick: 'Fredk',
  Elizabeth: 'Eliz',
  Margaret: 'Margt',
  Catherine: 'Cathne',
  Daniel: 'Danl',
  Jonathan: 'Jona',
  Nathaniel: 'Nathl',
  Abraham: 'Abm',
  Christopher: 'Xtopher',
  Matthew: 'Mattw',
};

// Spelling variants of the same given name (any member may be written for any other).
export const GIVEN_VARIANTS: string[][] = [
  ['Catherine', 'Katherine', 'Catharine', 'Kathryn', 'Katharine'],
  ['Ann', 'Anne'],
  ['Philip', 'Phillip'],
  ['Stephen', 'Steven'],
  ['Isabel', 'Isobel', 'Isabelle'],
  ['Elizabeth', 'Elisabeth'],
  ['Geoffrey', 'Jeffrey', 'Jeffery'],
  ['Sidney', 'Sydney'],
  ['Frederick', 'Frederic'],
  ['Lawrence', 'Laurence'],
  ['Allan', 'Alan', 'Allen'],
  ['Marjorie', 'Margery', 'Marjory'],
  ['Lilian', 'Lillian'],
  ['Rebecca', 'Rebekah'],
  ['Sarah', 'Sara'],
  ['Susanna', 'Susannah'],
  ['Hannah', 'Hanna'],
  ['Johanna', 'Joanna'],
  ['Edmund', 'Edmond'],
  ['Matthew', 'Mathew'],
  ['Nicholas', 'Nicolas'],
  ['Anthony', 'Antony'],
  ['Eleanor', 'Elinor', 'Eleanore'],
  ['Teresa', 'Theresa'],
  ['Harriet', 'Harriett'],
  ['Evelyn', 'Eveline'],
  ['Frances', 'Francis'],
  ['Jesse', 'Jessie'],
  ['Llewellyn', 'Llewelyn', 'Llywelyn'],
  ['Dafydd', 'David'],
  ['Gwladys', 'Gladys'],
  ['Seamus', 'Shamus'],
  ['Lewis', 'Louis'],
  ['Rowland', 'Roland'],
  ['Wilfred', 'Wilfrid'],
  ['Mary Ann', 'Mary Anne', 'Maryann'],
  ['Nora', 'Norah'],
  ['Honora', 'Honor'],
];

export const WELSH_MALE = words(`
David Evan Owen Rhys Gareth Dafydd Llewellyn Gwilym Emlyn Idris Ivor Glyn Aneurin Cledwyn Iorwerth
Islwyn Ieuan Morgan Griffith Hywel Meredith
`);
export const WELSH_FEMALE = words(`
Bronwen Gwen Myfanwy Blodwen Olwen Ceridwen Megan Rhiannon Gwladys Gwenllian Angharad Gwendolen
Eluned Nest Catrin Mair Sian
`);
export const SCOTTISH_MALE = words(`
Alexander Duncan Donald Kenneth Malcolm Angus Colin Ian Neil Gordon Stuart Bruce Alastair Hamish
Fraser Ewan Murdo Lachlan Torquil Ninian Fergus Dugald Alasdair Archibald Hector
`);
export const SCOTTISH_FEMALE = words(`
Euphemia Williamina Christina Flora Marion Jessie Janet Jean Kirsty Morag Catriona Elspeth Marsali
Peigi Mairi Grizel Isabella Agnes Helen
`);
export const IRISH_MALE = words(`
Patrick Michael Seamus Sean Liam Dermot Brendan Declan Eamon Cormac Denis Finbar Kieran Padraig
Fintan Terence Myles Cornelius Timothy Daniel
`);
export const IRISH_FEMALE = words(`
Bridget Honora Johanna Julia Norah Sheila Maureen Eileen Siobhan Deirdre Kathleen Mary Catherine
Ellen Margaret Nora
`);

export const SURNAMES = words(`
Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson
Wright Walker White Edwards Hughes Green Hall Lewis Harris Clarke Jackson Wood Turner Martin Cooper
Hill Ward Morris Moore Clark Lee King Baker Harrison Morgan Allen James Scott Phillips Watson Davis
Parker Price Bennett Young Griffiths Mitchell Kelly Cook Carter Richardson Bailey Collins Bell Shaw
Murphy Miller Cox Richards Marshall Anderson Simpson Ellis Adams Wilkinson Foster Chapman Powell
Webb Rogers Gray Mason Hunt Campbell Matthews Owen Palmer Holmes Mills Barnes Knight Lloyd Butler
Russell Barker Fisher Stevens Jenkins Murray Dixon Harvey Graham Pearson Fletcher Walsh Gibson
Howard Andrews Stewart Elliott Reynolds Saunders Payne Fox Ford Pearce Day Brooks West Lawrence
Cole Atkinson Bradley Spencer Gill Dawson Ball Burton O'Brien Watts Rose Booth Perry Ryan Grant
Wells Armstrong Francis Rees Hayes Hart Hudson Newman Barrett Webster Hunter Gregory Carr Lowe Page
Marsh Riley Dunn Woods Parsons Berry Stone Reid Holland Hawkins Harding Porter Robertson Newton
Oliver Reed Kennedy Williamson Bird Gardner Dean Lane Cooke Bates Henderson Parry Burgess Bishop
Walton Burns Nicholson Shepherd Ross Cross Long Freeman Warren Nicholls Hamilton Byrne Sutton
McDonald Yates Hodgson Robson Curtis Hopkins O'Connor Harper Coleman Watkins Moss McCarthy Chambers
O'Neill Griffin Sharp Hardy Wheeler Potter Osborne Johnston Gordon Doyle Wallace George Jordan
Hutchinson Rowe Burke May Pritchard Gilbert Willis Higgins Read Miles Stevenson Stephenson Hammond
Arnold Buckley Walters Hewitt Barber Nelson Slater Austin Sullivan Whitehead Mann Frost Lambert
Stephens Blake Lynch Goodwin Barton Woodward Thomson Cunningham Quinn Barnett Baxter Clayton Nash
Greenwood Jennings Holt Kemp Poole Gallagher Bond Stokes Tucker Davidson Fowler Heath Norman
Middleton Lawson Banks French Stanley Jarvis Gibbs Ferguson Hayward Carroll Farrell Bartlett
Tomlinson Lucas Little Savage Duncan Morrison Coles Hopkinson Sanders Norris Brennan Howell Pollard
Lord Fuller Hobbs Moran Rowley Dale Garner Pratt Steele Sharpe Brady Waters Walsh_ Howe Payne_
Henry Leach Flynn Field Sheppard Alexander Ingram Reeves Thornton Buckingham Connolly Haynes Rhodes
Hughes_ Kirby Parkinson Hodges Black Bowen Tyler Brooke Doherty Glover Hurst Sims Daly Abbott
Gilbertson Vaughan Barlow Charlton Lloyd_ Powell_ Birch Fitzgerald Hale Lamb Mellor Briggs Hogg
Whittaker Bull Power Holden Rowlands Sweeney Hargreaves Schofield Humphreys Kerr Lyons Blackburn
Booker Blackwell Chadwick Cartwright Lees Dyer Cairns Pickering Noble Finch Hilton Rich Sykes Mackay
Sinclair Bray Parkes Connor Sutherland Moody Hancock Fraser Hanson Reilly Bolton Frank Gould Owens
Hickman Knowles Bentley Short Gough Kirk Gardiner Regan Manning Nolan Kay Ashton Bowden Macdonald
Conway Dobson Frazer Stubbs Jeffery Byrne_ Brookes Warner Weston Norton Yeates Kent Wade Bradshaw
Copeland Daniels Swift Dickinson Lord_ Sheldon Wyatt Myers Harrington Bloggs Fitzpatrick Cameron
Mclean Herbert Summers Jacobs Dennis Wolfe Peters Houghton Cannon Watt Randall Toms Jeffries Harper_
Stanton Jacobson Allison Hartley Goddard Hardcastle Pugh Beckett Hicks Peacock Gee Rowland Hyde
Oakley Lowry Ramsey Crawford Sheridan Hines Forster Nicholas Boyle Hutchings Chandler Horton
Pennington Pearce_ Tait Sharples Wilde Dodd Gilmore Coates Cartwright_ Leonard Thorpe Atherton
Rollins Blackmore Pickett Tanner Bower Lindsay Dunne Stone_ Maxwell Hilditch Grimshaw Ashworth
Greaves Haworth Broadbent Crowther Brierley Horrocks Entwistle Duckworth Greenhalgh Heywood Kershaw
Lomax Ogden Pilkington Riding Sutcliffe Ackroyd Barraclough Binns Bottomley Brook Denison Firth
Haigh Hirst Holroyd Lockwood Mallinson Marsden Priestley Rushworth Shackleton Speight Swallow
Tetley Whiteley Wormald Armitage Beaumont Blakey Crossley Dyson Fenton Gledhill Hoyle Illingworth
Jagger Kilner Learoyd Moorhouse Ramsden Sagar Thackray Ventress Wadsworth Aspinall Catterall
Cottam Eccles Fazackerley Gornall Halliwell Hesketh Livesey Makinson Nuttall Parr Rigby Singleton
Tootell Waring Ainsworth Battersby Crompton Hulme Mather Nightingale Openshaw Pendlebury Shuttleworth
Tattersall Unsworth Whalley Bennet Treloar Trevithick Pascoe Penrose Tremayne Polglase Nancarrow
Tregear Rowse Pengelly Jago Trewin Carne Hocking Kitto Opie Roskilly Angove Bolitho Chenoweth
Penhaligon Trelawny Godolphin Couch Trenwith Vivian Prideaux Luxton Yeo Tuckett Snell Cleave
Heard Passmore Hext Vosper Widdicombe Chudleigh Ashby Pym Coombe Norrish Isaac Colwill Blackmore_
Hannaford Stoneman Endacott Dart Veale Harvey_ Bastin Huxtable Lethbridge Mallett Quick Ridd
Lovering Squire Tapper Northcott Bickford Heal Mudge Friend Tozer Gully Sweet Vickery Hosking
Jewell Penny Coad Mutton Ellery Stoyle Dunstan Trethewey Gilbard Richards_ Nankivell Barrow
Askew Bowness Crosthwaite Dixon_ Fell Graves Hodgson_ Irving Jackson_ Kendall Lancaster Nixon
Pattinson Routledge Scott_ Tiffin Troughton Wilkinson_ Armstrong_ Bell_ Charlton_ Dodds Elliot
Forster_ Hall_ Heron Milburn Nixon_ Ridley Robson_ Thirlwell Tweddle Wanless Younghusband Bainbridge
Blenkinsop Coulson Dinning Errington Fenwick Gowland Hindmarsh Laidlaw Moffat Nesbitt Oliver_
Pringle Shotton Snowdon Swinburne Turnbull Wardle Weatherburn Lisle Selby Widdrington Cresswell
Bewick Grieve Rutherford Kerr_ Douglas Hume Pringle_ Elliot_ Armstrong__ Johnstone Jardine Bell__
Irvine Maxwell_ Scott__ Murray_ Drummond Buchanan Cameron_ Campbell_ Chisholm Colquhoun Cumming
Dalgleish Erskine Farquhar Forbes Galbraith Gunn Haldane Hay Innes Kennedy_ Leslie Lindsay_
Logan MacAlister MacArthur MacAulay MacBain MacCallum MacDougall MacEwan MacFarlane MacGregor
MacInnes MacIntyre MacIver MacKenzie MacKinnon MacLachlan MacLaren MacLean MacLeod MacMillan
MacNab MacNeil MacPherson MacQueen MacRae Matheson Menzies Munro Ogilvie Rattray Robertson_
Rose_ Ross_ Shaw_ Sinclair_ Stewart_ Sutherland_ Urquhart Wallace_ Wemyss Boyd Baird Brodie Bruce
Carmichael Dunbar Fleming Gillespie Guthrie Hendry Kinnear Lamont Lennox Lockhart Napier Paterson
Primrose Rankin Sim Spence Strachan Tennant Weir Aitken Alexander_ Allan Barclay Blair Brown_
Calder Crichton Cuthbertson Dalziel Dewar Dickson Dow Dunlop Fyfe Gilchrist Glen Gourlay Greig
Hendrie Hogg_ Hunter_ Imrie Keith Kidd Laing Lauder Leckie McAdam McCulloch McGill McKay McKie
McLaren McMillan McNeill Meikle Melville Mowat Muir Nairn Niven Orr Peebles Philp Pollock Reid_
Rennie Ritchie Roy Russell_ Sangster Scobie Shand Simpson_ Skinner Smellie Somerville Souter
Tait_ Thom Todd Tosh Wardrop Watson_ Waugh Whyte Wilkie Wishart Wylie Yule Davies_ Evans_
Thomas_ Roberts_ Lewis_ Hughes__ Morgan_ Griffiths_ Williams_ Price_ Rees_ Jenkins_ Owen_ Pritchard_
Powell__ Parry_ Vaughan_ Bowen_ Howells Pugh_ Prosser Probert Llewellyn Meredith Gwynne Rowlands_
Watkins_ Phillips_ Edwards_ Jones_ Lloyd__ Bevan Beynon Cadwaladr Gittins Gwilliam Hopkin Howell_
Jeffreys Maddocks Mostyn Nicholas_ Parry__ Penry Perkins Powys Preece Prothero Rhys Trevor Upton
Wynn Wynne Ellis_ Humphreys_ Hopkins_ Jenkin Lewis__ Matthias Mathias Gwyther Harries Harry Jeremy
Morris_ Mordecai Rosser Bowen__ Eynon Griffith Hywel Kneale Owens_ Pryce Onions Apsimon Bowdler
Madoc Cadogan Bellis Dee Yorath Tudor Brace Gunter Llewelyn Gethin Batten Merrick Lougher Kemeys
Murphy_ Kelly_ O'Sullivan Walsh__ O'Brien_ Byrne__ Ryan_ O'Connor_ O'Neill_ O'Reilly Doyle_
McCarthy_ Gallagher_ Doherty_ Kennedy__ Lynch_ Murray__ Quinn_ Moore_ McLoughlin Carroll_
Connolly_ Daly_ Connell Dunne_ Brennan_ Burke_ Collins_ Clarke_ Fitzgerald_ Flanagan Hogan Kavanagh
Keane Maguire Nolan_ Regan_ Sheehan Sweeney_ Whelan Boyle_ Brady_ Callaghan Casey Clancy Coleman_
Conroy Costello Cullen Cunningham_ Curran Delaney Dempsey Dillon Donnelly Donovan Dowling Duffy
Egan Farrell_ Fahy Finnegan Flood Flynn_ Foley Gleeson Griffin_ Hanlon Hayes_ Healy Hennessy Hickey
Higgins_ Hurley Kane Keating Keegan Kenny Kearney Lenihan Lonergan Lowry_ MacCarthy Madden Mahony
Malone Mannion McCabe McCann McCormack McDermott McGrath McGuinness McHugh McKenna McMahon McNamara
Moloney Molloy Moriarty Mulcahy Mulligan Mullins Naughton Nugent O'Callaghan O'Donnell O'Donoghue
O'Dwyer O'Gorman O'Hara O'Keeffe O'Leary O'Mahony O'Malley O'Rourke O'Shea O'Toole Phelan Power_
Quigley Quinlan Rafferty Redmond Rooney Scanlon Shanahan Sheridan_ Slattery Tierney Tobin Toomey
Twomey Ward_ Barry Cassidy Coughlan Crowley Cronin Daly__ Devlin Donohue Dwyer Fallon Gorman
Halloran Horgan Joyce Kiely Kinsella Lally Lavelle Leahy McGee McGovern McKeown Meehan Mooney
Nagle Noonan O'Hagan Prendergast Roche Shields Stack Treacy Walshe Wall Abbot Adamson Addison
Alcock Aldridge Allsop Ambler Appleby Archer Arkwright Ashcroft Ashford Ashley Aston Atwood Austen
Aylward Bacon Bagshaw Bainbridge_ Bamford Bancroft Barker_ Barnard Barraclough_ Bassett Bateman
Baxendale Beale Beckwith Bedford Belcher Benson Beresford Berkeley Best Betts Bickerton Bingham
Birkett Blackburne Blackstone Blakemore Bland Blount Blundell Boon Boswell Boulton Bourne Bowker
Bowles Bowman Boyce Bradbury Bradford Bramley Brandon Brewer Brewster Bridges Brierley_ Brigham
Bristow Broadhurst Brock Bromley Brough Broughton Buckland Budd Bullock Bunting Burdett Burgoyne
Burnett Burrows Bushell Butcher Butterworth Buxton Cade Calvert Capper Carey Carpenter Cave
Cawthorne Chaplin Chatterton Cheshire Child Chilton Church Churchill Clegg Clement Clifford Clifton
Clough Coates_ Cockburn Colbert Colley Collier Collinson Compton Constable Cooper_ Corbett Cotton
Coulthard Court Cowell Cowley Crane Craven Crisp Croft Crook Crossland Crowe Crump Cullen_ Cundall
Curzon Dakin Dalby Dalton Darby Darlington Darwin Daventry Dawkins Dearden Denham Dent Derbyshire
Devereux Dickens Digby Dobbs Dodson Dolan Dove Dowd Drake Drew Driver Duckett Dudley Duke Dunford
Durant Durham Dutton Dyke Eades Earl Eastwood Eaton Eden Edgar Elkington Ellwood Elmore Emery
Emmett England Evelyn Everett Fairbairn Fairclough Fairfax Falconer Farmer Farnsworth Faulkner
Fawcett Fearnley Fielding Fiennes Finch_ Fish Fitzroy Flint Foot Forbes_ Forrest Fowles Frampton
Freeman_ Frith Froggatt Fry Furness Gale Gamble Garland Garside Gaskell Gates Gaunt Gibbons Gifford
Gillett Gladstone Goodall Goodman Gore Gosling Grace Grafton Gravett Greatorex Greenaway Greene
Greenfield Greensmith Gresham Grey Grimes Grundy Gunning Gurney Hadfield Haggard Hague Hallam
Halliday Hamer Hampton Hancox Handley Hanley Harcourt Hardwick Hare Harford Harland Harman Harmer
Harrop Hartwell Harwood Hastings Hatton Hawes Hawley Haworth_ Haydon Hayter Head Heap Hearn
Heathcote Hebden Hedley Hemingway Herring Heseltine Hewlett Heyes Hibbert Higson Hindle Hinds
Hine Hitchcock Hoare Holbrook Holden_ Holliday Hollis Holloway Holme Hood Hooper Hope Hornby Horne
Horsfall Howarth Hubbard Huggins Hull Hume_ Humphries Hurd Hussey Hutton Ibbotson Ingham Ireland
Ives Jackman Jagger_ Jarrett Jefferson Jenner Jewitt Jolly Kaye Keeble Kellett Kemp_ Kendrick
Kenyon Kerry Kettle Kidd_ Kilburn Kingsley Kipling Kirkby Kitchen Knott Lacey Lake Lamb_ Langley
Langton Latham Law Lawton Laycock Leadbetter Leake Leigh Lester Lever Levett Lightfoot Linley
Lister Littlewood Lock Locke Lockett Lofthouse Longbottom Longley Lovell Lowther Luck Lumb Lund
Lyon Mace Maddox Maitland Makepeace Mallory Manley Mansell Mapp Marlow Marriott Marsh_ Marston
Massey Masters Mawson Mayhew Maynard Meadows Metcalfe Midgley Milner Milton Mitchell_ Moffatt
Molyneux Moorcroft Mortimer Morton Mosley Mottram Mountford Mullins_ Musgrave Naylor Needham Nevill
Newbold Newbould Newcombe Newell Nickson Noakes Norbury North Nowell Nutter Oates Ormerod Orton
Outhwaite Overton Owtram Padgett Paget Palin Parkin Partridge Pashley Paxton Peake Peel Pemberton
Penn Pepper Percival Perkins_ Pettit Pickles Pierce Pike Pinder Pitt Platt Plummer Pockett Pope
Popplewell Potts Poulton Prentice Prescott Preston Pryor Pullen Pye Radcliffe Raine Rawlinson
Rawson Raynor Redfern Redman Renshaw Revell Rickard Rickman Rider Rimmer Ripley Roach Robins Rodgers
Rolfe Rook Roper Rothwell Rowbotham Royle Rudd Rushton Sadler Salt Sampson Sandford Sansom Savile
Sawyer Saxton Sayer Scarlett Seddon Sewell Seymour Shakespeare Sharrock Shelley Shipley Shirley
Siddall Skelton Slack Smalley Smethurst Snow Southern Sowerby Spalding Sparkes Speakman Spooner
Stacey Stafford Standish Stansfield Starkey Stead Stedman Stirling Stocks Storey Stott Strange
Stringer Strong Sturgess Styles Sugden Swain Swann Tate Thackeray Thorne Thornhill Thwaite Tillotson
Timms Tindall Tolley Towers Townend Townsend Tranter Trotter Tuck Tunstall Tupper Tutton Twist Tyson
Underwood Varley Vernon Vickers Vince Wainwright Wakefield Walford Walmsley Walsham Warburton
Warde Wardman Warrington Waterhouse Watkinson Weatherall Webber Wedgwood Welch Wellington Wesley
Westwood Wharton Wheatley Whitaker Whitfield Whitley Whitworth Wigglesworth Wilcox Wild Wilding
Wileman Willey Wilmot Wiltshire Winstanley Winter Wiseman Withers Wolstenholme Woodcock Woodhead
Woodhouse Woolley Worrall Worthington Wragg Wren Wrigley Yardley Yeoman Youngman
Abercrombie Acland Agnew Ainslie Airey Alder Alington Allardyce Allingham Alston Amery Anstruther
Arbuthnot Arden Argent Arundel Asquith Astley Atherley Attlee Auden Avery Aylmer Babbage Bagot
Balfour Bankes Baring Barnardo Barrington Basset Bathurst Baxendale_ Beauchamp Beckford Bellamy
Benn Bentinck Bertie Bessemer Bettany Bevin Bickersteth Blathwayt Bligh Bonar Booth_ Boscawen
Bouverie Bowes Boyle__ Brabazon Bradlaugh Braithwaite Brassey Brontë Brougham Brunel Bulwer
Burdon Burne Burney Butt Byng Cadbury Carew Carlyle Cathcart Cavendish Cecil Chamberlain Chetwynd
Cholmondeley Clive Cobbett Cobden Cochrane Codrington Coke Colville Conyers Cornwallis Courtenay
Cowper Cripps Cromwell Cubitt Dalrymple Dashwood Davy Dering Disraeli Dundas Durnford Egerton
Eliot Elphinstone Faraday Fane Feilding Fitzwilliam Fortescue Fremantle Frere Galton Gascoyne
Gordon_ Goschen Gower Graham_ Granville Grenfell Grenville Greville Grosvenor Guinness Gurney_
Hanbury Hardinge Harley Hawtrey Heber Herschel Hervey Hoare_ Hobhouse Holroyd_ Hotham Howard_
Huskisson Jervis Jowett Keble Keppel Kinnaird Knatchbull Lascelles Legge Lubbock Lutyens Lyttelton
Macaulay Manners Melbourne Methuen Mildmay Milnes Montagu Monckton Mordaunt Neville Newdigate
Northcote Onslow Orde Paget_ Pakenham Palmerston Parnell Pelham Percy Perceval Pitt_ Plunkett
Pole Ponsonby Portal Poulett Pusey Raikes Rawdon Rhodes_ Rolle Romilly Rous Russell__ Ryder
Sackville Salisbury Savile_ Scarlett_ Scrope Selwyn Seymour_ Shaftesbury Sitwell Somerset
Spencer_ Stanhope Strachey Strickland Stuart Talbot Tennyson Thynne Townshend Trefusis Trevelyan
Tufnell Tyrwhitt Vane Villiers Waldegrave Walpole Warburton_ Wellesley Wentworth Whitbread
Wilberforce Willoughby Wodehouse Wolseley Wrottesley Wyndham Yorke Zouche
de_la_Mare de_Vere de_Courcy le_Strange St_John Lloyd-George Bowes-Lyon Spencer-Churchill
Vaughan-Williams Baden-Powell Rees-Mogg Heathcote-Amory Lane-Fox Douglas-Home Bonham-Carter
Cohen Levy Levi Isaacs Jacobs_ Abrahams Solomon Moses Samuel Goldberg Goldstein Rosenberg Shapiro
Rothschild Montefiore Myers_ Hart_ Joseph Marks Lazarus Nathan Mendoza Sassoon Franklin Gollancz
`);

// Surnames in the order of their frequency in Wales, Scotland and Ireland (drawn for most persons
// born there; the rest draw from SURNAMES).
export const WELSH_SURNAMES = words(`
Jones Williams Davies Evans Thomas Roberts Lewis Hughes Morgan Griffiths Price Rees Jenkins Owen
Pritchard Powell Parry Vaughan Bowen Howells Pugh Prosser Probert Llewellyn Meredith Gwynne Rowlands
Watkins Phillips Edwards Lloyd Bevan Beynon Jeffreys Harries Morris Griffith Pryce Gittins Hopkin
Jenkin Mathias Matthias Gethin Rosser Yorath Madoc
`);
export const SCOTTISH_SURNAMES = words(`
Smith Brown Wilson Campbell Stewart Thomson Robertson Anderson Macdonald Scott Reid Murray Taylor
Clark Ross Watson Morrison Paterson Young Mitchell Walker Fraser Miller McDonald Gray Henderson
Hamilton Johnston Duncan Graham Ferguson Kerr Davidson Bell Cameron Kelly Martin MacKenzie Grant
Simpson MacLeod Mackay Allan Black Wallace Sinclair Munro Sutherland Gordon Buchanan Drummond Forbes
Chisholm MacGregor MacLean MacPherson Urquhart Matheson Baird Boyd Muir Rankin Weir Ritchie Dunlop
Laing Gillespie
`);
export const IRISH_SURNAMES = words(`
Murphy Kelly O'Sullivan Walsh Smith O'Brien Byrne Ryan O'Connor O'Neill O'Reilly Doyle McCarthy
Gallagher Doherty Kennedy Lynch Murray Quinn Moore McLoughlin Carroll Connolly Daly Connell Wilson
Dunne Brennan Burke Collins Campbell Clarke Johnston Hughes Farrell Fitzgerald Brown Martin Maguire
Nolan Flynn Thompson Callaghan O'Donnell Duffy Mahony Boyle Healy O'Shea White Sweeney Hayes
Kavanagh Power McGrath Moran Brady Stewart Casey Foley Fitzpatrick O'Leary McDonnell McMahon
Donnelly Regan Donovan Burns Flanagan Barry Kane Robinson Cunningham Griffin Kenny Sheehan Ward
Whelan Lyons Reid Graham Higgins Cullen Keane King McKenna Bell Scott Hogan O'Keeffe Magee
McNamara McDermott Moloney O'Rourke Buckley Dwyer
`);

// Parts of English toponymic surnames, combined to make the long tail of rare names.
export const SURNAME_HEADS = words(`
Ash Ald Ayl Back Bar Barn Bed Bel Black Blen Brad Bram Brent Brock Brom Brook Bur Cal Cam Car Chad
Chal Chell Chil Clay Clif Cold Cop Crom Cros Dal Dar Den Dun Ed Ell Elm Far Fen Ford Foul Gar Gold
Good Gos Gran Green Grim Ham Har Hart Haw Hay Heath Hen Her Hol Hors Hun Ib Kel Ken Kil King Kirk
Lang Lath Lea Lind Lit Long Lox Mar Mel Mid Mil Mor Nor Oak Ol Ot Pen Pick Pil Pres Rad Ram Rat Red
Rid Roth Rud Sal Sand Shel Sher Shir Stan Stap Sto Stock Sun Sut Swin Tad Tam Ther Thorn Tod Twy
Up Wad Wal War Wat Wel Wen Wes Whit Wick Wil Win Wol Wood Wor Wyn Yar
`);
export const SURNAME_TAILS = words(`
ley ton ford worth by ham field wood well hurst dale combe stead more bury shaw ridge brook cott
thorpe wick ington land den croft low way
`);

export interface Place {
  town: string;
  county: string;
  countyShort?: string;
  country: string;
  city?: string;
  area?: string; // postcode area; none for places outside the UK postcode system
  weight: number;
}

const uk = (town: string, county: string, area: string, weight: number, country = 'England', city?: string): Place => ({
  town,
  county,
  area,
  weight,
  country,
  city,
});

export const UK_PLACES: Place[] = [
  uk('Westminster', 'Middlesex', 'SW', 9, 'England', 'London'),
  uk('Kensington', 'Middlesex', 'W', 6, 'England', 'London'),
  uk('Chelsea', 'Middlesex', 'SW', 4, 'England', 'London'),
  uk('Marylebone', 'Middlesex', 'W', 6, 'England', 'London'),
  uk('Islington', 'Middlesex', 'N', 7, 'England', 'London'),
  uk('Hackney', 'Middlesex', 'E', 6, 'England', 'London'),
  uk('Stepney', 'Middlesex', 'E', 7, 'England', 'London'),
  uk('Whitechapel', 'Middlesex', 'E', 5, 'England', 'London'),
  uk('Bethnal Green', 'Middlesex', 'E', 5, 'England', 'London'),
  uk('Shoreditch', 'Middlesex', 'E', 4, 'England', 'London'),
  uk('Holborn', 'Middlesex', 'WC', 4, 'England', 'London'),
  uk('Finsbury', 'Middlesex', 'EC', 3, 'England', 'London'),
  uk('City of London', 'Middlesex', 'EC', 3, 'England', 'London'),
  uk('Hampstead', 'Middlesex', 'NW', 4, 'England', 'London'),
  uk('St Pancras', 'Middlesex', 'NW', 6, 'England', 'London'),
  uk('Paddington', 'Middlesex', 'W', 4, 'England', 'London'),
  uk('Hammersmith', 'Middlesex', 'W', 3, 'England', 'London'),
  uk('Fulham', 'Middlesex', 'SW', 3, 'England', 'London'),
  uk('Poplar', 'Middlesex', 'E', 3, 'England', 'London'),
  uk('Southwark', 'Surrey', 'SE', 6, 'England', 'London'),
  uk('Lambeth', 'Surrey', 'SE', 6, 'England', 'London'),
  uk('Camberwell', 'Surrey', 'SE', 4, 'England', 'London'),
  uk('Wandsworth', 'Surrey', 'SW', 3, 'England', 'London'),
  uk('Battersea', 'Surrey', 'SW', 3, 'England', 'London'),
  uk('Clapham', 'Surrey', 'SW', 3, 'England', 'London'),
  uk('Greenwich', 'Kent', 'SE', 3, 'England', 'London'),
  uk('Deptford', 'Kent', 'SE', 3, 'England', 'London'),
  uk('Woolwich', 'Kent', 'SE', 3, 'England', 'London'),
  uk('Manchester', 'Lancashire', 'M', 14),
  uk('Liverpool', 'Lancashire', 'L', 13),
  uk('Salford', 'Lancashire', 'M', 4),
  uk('Bolton', 'Lancashire', 'BL', 4),
  uk('Preston', 'Lancashire', 'PR', 4),
  uk('Blackburn', 'Lancashire', 'BB', 4),
  uk('Wigan', 'Lancashire', 'WN', 3),
  uk('Oldham', 'Lancashire', 'OL', 4),
  uk('Rochdale', 'Lancashire', 'OL', 3),
  uk('Lancaster', 'Lancashire', 'LA', 2),
  uk('Leeds', 'Yorkshire', 'LS', 10),
  uk('Bradford', 'Yorkshire', 'BD', 7),
  uk('Sheffield', 'Yorkshire', 'S', 9),
  uk('Halifax', 'Yorkshire', 'HX', 3),
  uk('Huddersfield', 'Yorkshire', 'HD', 3),
  uk('York', 'Yorkshire', 'YO', 3),
  uk('Hull', 'Yorkshire', 'HU', 5),
  uk('Wakefield', 'Yorkshire', 'WF', 3),
  uk('Doncaster', 'Yorkshire', 'DN', 2),
  uk('Scarborough', 'Yorkshire', 'YO', 1),
  uk('Whitby', 'Yorkshire', 'YO', 1),
  uk('Middlesbrough', 'Yorkshire', 'TS', 2),
  uk('Birmingham', 'Warwickshire', 'B', 13),
  uk('Coventry', 'Warwickshire', 'CV', 3),
  uk('Warwick', 'Warwickshire', 'CV', 1),
  uk('Wolverhampton', 'Staffordshire', 'WV', 4),
  uk('Stoke-on-Trent', 'Staffordshire', 'ST', 4),
  uk('Stafford', 'Staffordshire', 'ST', 1),
  uk('Lichfield', 'Staffordshire', 'WS', 1),
  uk('Walsall', 'Staffordshire', 'WS', 2),
  uk('Derby', 'Derbyshire', 'DE', 3),
  uk('Chesterfield', 'Derbyshire', 'S', 2),
  uk('Nottingham', 'Nottinghamshire', 'NG', 5),
  uk('Newark', 'Nottinghamshire', 'NG', 1),
  uk('Leicester', 'Leicestershire', 'LE', 4),
  uk('Loughborough', 'Leicestershire', 'LE', 1),
  uk('Northampton', 'Northamptonshire', 'NN', 2),
  uk('Peterborough', 'Northamptonshire', 'PE', 1),
  uk('Lincoln', 'Lincolnshire', 'LN', 2),
  uk('Grantham', 'Lincolnshire', 'NG', 1),
  uk('Boston', 'Lincolnshire', 'PE', 1),
  uk('Norwich', 'Norfolk', 'NR', 4),
  uk("King's Lynn", 'Norfolk', 'PE', 1),
  uk('Great Yarmouth', 'Norfolk', 'NR', 1),
  uk('Ipswich', 'Suffolk', 'IP', 2),
  uk('Bury St Edmunds', 'Suffolk', 'IP', 1),
  uk('Cambridge', 'Cambridgeshire', 'CB', 2),
  uk('Ely', 'Cambridgeshire', 'CB', 1),
  uk('Colchester', 'Essex', 'CO', 2),
  uk('Chelmsford', 'Essex', 'CM', 1),
  uk('Oxford', 'Oxfordshire', 'OX', 3),
  uk('Banbury', 'Oxfordshire', 'OX', 1),
  uk('Reading', 'Berkshire', 'RG', 2),
  uk('Windsor', 'Berkshire', 'SL', 1),
  uk('Aylesbury', 'Buckinghamshire', 'HP', 1),
  uk('St Albans', 'Hertfordshire', 'AL', 1),
  uk('Hertford', 'Hertfordshire', 'SG', 1),
  uk('Bedford', 'Bedfordshire', 'MK', 1),
  uk('Luton', 'Bedfordshire', 'LU', 1),
  uk('Canterbury', 'Kent', 'CT', 2),
  uk('Maidstone', 'Kent', 'ME', 2),
  uk('Dover', 'Kent', 'CT', 1),
  uk('Rochester', 'Kent', 'ME', 1),
  uk('Brighton', 'Sussex', 'BN', 3),
  uk('Chichester', 'Sussex', 'PO', 1),
  uk('Hastings', 'Sussex', 'TN', 1),
  uk('Lewes', 'Sussex', 'BN', 1),
  uk('Guildford', 'Surrey', 'GU', 1),
  uk('Croydon', 'Surrey', 'CR', 2),
  uk('Kingston upon Thames', 'Surrey', 'KT', 1),
  uk('Portsmouth', 'Hampshire', 'PO', 4),
  uk('Southampton', 'Hampshire', 'SO', 3),
  uk('Winchester', 'Hampshire', 'SO', 1),
  uk('Salisbury', 'Wiltshire', 'SP', 1),
  uk('Swindon', 'Wiltshire', 'SN', 1),
  uk('Bath', 'Somerset', 'BA', 2),
  uk('Taunton', 'Somerset', 'TA', 1),
  uk('Wells', 'Somerset', 'BA', 1),
  uk('Bristol', 'Gloucestershire', 'BS', 7),
  uk('Gloucester', 'Gloucestershire', 'GL', 2),
  uk('Cheltenham', 'Gloucestershire', 'GL', 1),
  uk('Exeter', 'Devon', 'EX', 2),
  uk('Plymouth', 'Devon', 'PL', 3),
  uk('Barnstaple', 'Devon', 'EX', 1),
  uk('Truro', 'Cornwall', 'TR', 1),
  uk('Penzance', 'Cornwall', 'TR', 1),
  uk('Bodmin', 'Cornwall', 'PL', 1),
  uk('Dorchester', 'Dorset', 'DT', 1),
  uk('Poole', 'Dorset', 'BH', 1),
  uk('Weymouth', 'Dorset', 'DT', 1),
  uk('Hereford', 'Herefordshire', 'HR', 1),
  uk('Worcester', 'Worcestershire', 'WR', 2),
  uk('Kidderminster', 'Worcestershire', 'DY', 1),
  uk('Shrewsbury', 'Shropshire', 'SY', 1),
  uk('Ludlow', 'Shropshire', 'SY', 1),
  uk('Chester', 'Cheshire', 'CH', 2),
  uk('Macclesfield', 'Cheshire', 'SK', 1),
  uk('Stockport', 'Cheshire', 'SK', 2),
  uk('Newcastle upon Tyne', 'Northumberland', 'NE', 6),
  uk('Berwick-upon-Tweed', 'Northumberland', 'TD', 1),
  uk('Sunderland', 'Durham', 'SR', 3),
  uk('Durham', 'Durham', 'DH', 1),
  uk('Darlington', 'Durham', 'DL', 1),
  uk('Carlisle', 'Cumberland', 'CA', 1),
  uk('Whitehaven', 'Cumberland', 'CA', 1),
  uk('Kendal', 'Westmorland', 'LA', 1),
  uk('Huntingdon', 'Huntingdonshire', 'PE', 1),
  uk('Oakham', 'Rutland', 'LE', 1),
  uk('Edinburgh', 'Midlothian', 'EH', 8, 'Scotland'),
  uk('Leith', 'Midlothian', 'EH', 2, 'Scotland'),
  uk('Glasgow', 'Lanarkshire', 'G', 11, 'Scotland'),
  uk('Paisley', 'Renfrewshire', 'PA', 2, 'Scotland'),
  uk('Greenock', 'Renfrewshire', 'PA', 1, 'Scotland'),
  uk('Aberdeen', 'Aberdeenshire', 'AB', 3, 'Scotland'),
  uk('Dundee', 'Angus', 'DD', 3, 'Scotland'),
  uk('Perth', 'Perthshire', 'PH', 1, 'Scotland'),
  uk('Inverness', 'Inverness-shire', 'IV', 1, 'Scotland'),
  uk('Stirling', 'Stirlingshire', 'FK', 1, 'Scotland'),
  uk('Falkirk', 'Stirlingshire', 'FK', 1, 'Scotland'),
  uk('Kilmarnock', 'Ayrshire', 'KA', 1, 'Scotland'),
  uk('Ayr', 'Ayrshire', 'KA', 1, 'Scotland'),
  uk('Dumfries', 'Dumfriesshire', 'DG', 1, 'Scotland'),
  uk('Kirkcaldy', 'Fife', 'KY', 1, 'Scotland'),
  uk('St Andrews', 'Fife', 'KY', 1, 'Scotland'),
  uk('Dunfermline', 'Fife', 'KY', 1, 'Scotland'),
  uk('Elgin', 'Morayshire', 'IV', 1, 'Scotland'),
  uk('Hamilton', 'Lanarkshire', 'ML', 1, 'Scotland'),
  uk('Cardiff', 'Glamorgan', 'CF', 4, 'Wales'),
  uk('Swansea', 'Glamorgan', 'SA', 3, 'Wales'),
  uk('Merthyr Tydfil', 'Glamorgan', 'CF', 2, 'Wales'),
  uk('Pontypridd', 'Glamorgan', 'CF', 1, 'Wales'),
  uk('Newport', 'Monmouthshire', 'NP', 2, 'Wales'),
  uk('Wrexham', 'Denbighshire', 'LL', 1, 'Wales'),
  uk('Denbigh', 'Denbighshire', 'LL', 1, 'Wales'),
  uk('Bangor', 'Caernarfonshire', 'LL', 1, 'Wales'),
  uk('Caernarfon', 'Caernarfonshire', 'LL', 1, 'Wales'),
  uk('Aberystwyth', 'Cardiganshire', 'SY', 1, 'Wales'),
  uk('Carmarthen', 'Carmarthenshire', 'SA', 1, 'Wales'),
  uk('Llanelli', 'Carmarthenshire', 'SA', 1, 'Wales'),
  uk('Pembroke', 'Pembrokeshire', 'SA', 1, 'Wales'),
  uk('Brecon', 'Brecknockshire', 'LD', 1, 'Wales'),
  uk('Holyhead', 'Anglesey', 'LL', 1, 'Wales'),
  uk('Belfast', 'Antrim', 'BT', 4, 'Ireland'),
  uk('Londonderry', 'Londonderry', 'BT', 1, 'Ireland'),
  uk('Armagh', 'Armagh', 'BT', 1, 'Ireland'),
  uk('Newry', 'Down', 'BT', 1, 'Ireland'),
];

const abroad = (town: string, county: string, country: string, weight: number): Place => ({
  town,
  county,
  country,
  weight,
});

export const IRISH_PLACES: Place[] = [
  abroad('Dublin', 'County Dublin', 'Ireland', 6),
  abroad('Cork', 'County Cork', 'Ireland', 4),
  abroad('Limerick', 'County Limerick', 'Ireland', 2),
  abroad('Galway', 'County Galway', 'Ireland', 2),
  abroad('Waterford', 'County Waterford', 'Ireland', 1),
  abroad('Kilkenny', 'County Kilkenny', 'Ireland', 1),
  abroad('Sligo', 'County Sligo', 'Ireland', 1),
  abroad('Tralee', 'County Kerry', 'Ireland', 1),
];

export interface Country {
  name: string;
  weight: number;
  male: string[];
  female: string[];
  surnames: string[];
  places: Place[];
  // anglicised forms used by English clerks
  anglicised?: Record<string, string>;
}

export const FOREIGN: Country[] = [
  {
    name: 'United States',
    weight: 5,
    male: words(
      'John William James George Charles Henry Hiram Elmer Homer Ulysses Cyrus Abner Ezra Jedediah Thomas Samuel',
    ),
    female: words('Mary Elizabeth Sarah Lula Bessie Mamie Martha Emma Clara Abigail Harriet Louisa Ida Cora'),
    surnames: words(
      'Smith Johnson Brown Jones Miller Davis Wilson Anderson Taylor Moore Jackson Harris Clark Lincoln Adams Hamilton Jefferson Washington Cabot Lowell Vanderbilt Van_Buren Schuyler Roosevelt Carnegie Whitman Emerson Thoreau Hawthorne',
    ),
    places: [
      abroad('New York', 'New York', 'United States', 5),
      abroad('Boston', 'Massachusetts', 'United States', 3),
      abroad('Philadelphia', 'Pennsylvania', 'United States', 3),
      abroad('Baltimore', 'Maryland', 'United States', 1),
      abroad('Charleston', 'South Carolina', 'United States', 1),
      abroad('Chicago', 'Illinois', 'United States', 2),
    ],
  },
  {
    name: 'Canada',
    weight: 2,
    male: words('John William James Alexander Donald Joseph Pierre Louis Charles George'),
    female: words('Mary Margaret Elizabeth Marie Catherine Jane Annie'),
    surnames: words('Macdonald Tremblay Gagnon Roy Cote Bouchard Fraser Campbell Smith Brown Laurier Cartier'),
    places: [
      abroad('Toronto', 'Ontario', 'Canada', 3),
      abroad('Montreal', 'Quebec', 'Canada', 3),
      abroad('Halifax', 'Nova Scotia', 'Canada', 2),
      abroad('Quebec City', 'Quebec', 'Canada', 1),
    ],
  },
  {
    name: 'Australia',
    weight: 2,
    male: words('John William James Thomas George Henry Charles Edward Robert'),
    female: words('Mary Elizabeth Margaret Ann Sarah Jane Ellen'),
    surnames: words('Smith Jones Williams Brown Wilson Taylor Kelly Ryan Murphy Macarthur Wentworth Blaxland'),
    places: [
      abroad('Sydney', 'New South Wales', 'Australia', 3),
      abroad('Melbourne', 'Victoria', 'Australia', 3),
      abroad('Adelaide', 'South Australia', 'Australia', 1),
      abroad('Hobart', 'Tasmania', 'Australia', 1),
    ],
  },
  {
    name: 'India',
    weight: 3,
    male: words(
      'Ram Mohan Krishna Rajendra Dadabhai Mohandas Gopal Ahmed Syed Abdul Mohammed Rabindranath Bal Pherozeshah Ranjit Dwarkanath',
    ),
    female: words('Sarojini Lakshmi Savitri Pandita Cornelia Kamala Sarala Begum Fatima Toru Annie'),
    surnames: words(
      'Singh Kumar Sharma Patel Gupta Das Banerjee Chatterjee Mukherjee Bose Rao Reddy Iyer Nair Menon Khan Ahmed Ali Hussain Naoroji Tagore Roy Gokhale Tilak Mehta Sorabji',
    ),
    places: [
      abroad('Calcutta', 'Bengal', 'India', 4),
      abroad('Bombay', 'Bombay Presidency', 'India', 4),
      abroad('Madras', 'Madras Presidency', 'India', 2),
      abroad('Delhi', 'Punjab', 'India', 1),
      abroad('Lucknow', 'Oudh', 'India', 1),
      abroad('Poona', 'Bombay Presidency', 'India', 1),
    ],
  },
  {
    name: 'France',
    weight: 3,
    male: words('Jean Pierre Louis François Jacques Henri Charles Émile Paul Joseph Étienne André'),
    female: words('Marie Jeanne Marguerite Louise Anne Madeleine Hélène Geneviève Thérèse'),
    surnames: words(
      'Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre Michel David Bertrand Roux Vincent Fournier Morel Girard André Lefèvre Mercier Dupont Lambert Bonnet',
    ),
    places: [
      abroad('Paris', 'Seine', 'France', 5),
      abroad('Lyon', 'Rhône', 'France', 2),
      abroad('Marseille', 'Bouches-du-Rhône', 'France', 2),
      abroad('Bordeaux', 'Gironde', 'France', 1),
      abroad('Rouen', 'Seine-Inférieure', 'France', 1),
    ],
    anglicised: { Jean: 'John', Pierre: 'Peter', Louis: 'Lewis', Henri: 'Henry', Jacques: 'James', Marie: 'Mary' },
  },
  {
    name: 'Germany',
    weight: 3,
    male: words('Johann Friedrich Wilhelm Heinrich Karl Ernst Hermann Otto Georg Ludwig August Franz'),
    female: words('Anna Maria Katharina Elisabeth Gertrud Margarethe Sophie Wilhelmine Luise'),
    surnames: words(
      'Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hartmann Lange Werner Krause',
    ),
    places: [
      abroad('Berlin', 'Brandenburg', 'Germany', 3),
      abroad('Hamburg', 'Hamburg', 'Germany', 3),
      abroad('Frankfurt', 'Hesse', 'Germany', 2),
      abroad('Munich', 'Bavaria', 'Germany', 2),
      abroad('Dresden', 'Saxony', 'Germany', 1),
      abroad('Hanover', 'Hanover', 'Germany', 1),
    ],
    anglicised: {
      Johann: 'John',
      Friedrich: 'Frederick',
      Wilhelm: 'William',
      Heinrich: 'Henry',
      Karl: 'Charles',
      Georg: 'George',
      Ludwig: 'Lewis',
      Elisabeth: 'Elizabeth',
      Katharina: 'Catherine',
      Margarethe: 'Margaret',
    },
  },
  {
    name: 'Italy',
    weight: 2,
    male: words('Giuseppe Giovanni Antonio Francesco Luigi Carlo Pietro Angelo Domenico'),
    female: words('Maria Giuseppina Rosa Anna Teresa Angela Lucia'),
    surnames: words(
      'Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti De_Luca Mancini Costa Giordano Rizzo Lombardi Moretti Mazzini Rossetti Panizzi',
    ),
    places: [
      abroad('Naples', 'Campania', 'Italy', 3),
      abroad('Rome', 'Lazio', 'Italy', 2),
      abroad('Genoa', 'Liguria', 'Italy', 2),
      abroad('Milan', 'Lombardy', 'Italy', 2),
      abroad('Florence', 'Tuscany', 'Italy', 1),
    ],
    anglicised: { Giuseppe: 'Joseph', Giovanni: 'John', Francesco: 'Francis', Carlo: 'Charles', Pietro: 'Peter' },
  },
  {
    name: 'Poland',
    weight: 2,
    male: words('Jan Stanisław Józef Tadeusz Władysław Kazimierz Antoni Andrzej'),
    female: words('Maria Anna Zofia Helena Jadwiga Katarzyna'),
    surnames: words(
      'Kowalski Nowak Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak Kosciuszko Sikorski',
    ),
    places: [
      abroad('Warsaw', 'Masovia', 'Poland', 3),
      abroad('Kraków', 'Lesser Poland', 'Poland', 2),
      abroad('Łódź', 'Łódź', 'Poland', 1),
    ],
    anglicised: { Jan: 'John', Józef: 'Joseph', Stanisław: 'Stanley', Antoni: 'Anthony', Andrzej: 'Andrew' },
  },
];

export interface Occupation {
  // wordings that registers use for the same occupation; the first is the most common
  male: string[];
  female?: string[];
  wm: number; // relative frequency among men
  wf: number; // relative frequency among women
  honorific?: 'Rev.' | 'Dr' | 'Capt.' | 'Col.' | 'Major' | 'Admiral' | 'Prof.';
  postnominal?: string[];
}

export const OCCUPATIONS: Occupation[] = [
  {
    male: ['politician', 'member of parliament', 'MP', 'statesman', 'parliamentarian'],
    wm: 5,
    wf: 0.5,
    postnominal: ['MP'],
  },
  {
    male: ['army officer', 'soldier', 'military officer', 'officer in the army'],
    wm: 6,
    wf: 0,
    honorific: 'Capt.',
    postnominal: ['VC', 'DSO', 'MC'],
  },
  { male: ['soldier', 'private soldier', 'infantryman', 'serviceman'], wm: 4, wf: 0 },
  {
    male: ['naval officer', 'Royal Navy officer', 'officer in the navy', 'sailor'],
    wm: 3,
    wf: 0,
    honorific: 'Admiral',
  },
  {
    male: ['clergyman', 'Church of England clergyman', 'priest', 'vicar', 'cleric', 'minister of religion'],
    wm: 6,
    wf: 0,
    honorific: 'Rev.',
  },
  {
    male: ['physician', 'doctor', 'medical practitioner', 'general practitioner'],
    wm: 4,
    wf: 0.5,
    honorific: 'Dr',
    postnominal: ['FRCP', 'MD'],
  },
  { male: ['surgeon', 'doctor', 'surgeon and physician'], wm: 2, wf: 0.1, postnominal: ['FRCS'] },
  { male: ['barrister', 'lawyer', 'barrister-at-law', 'advocate'], wm: 3, wf: 0.1, postnominal: ['KC', 'QC'] },
  { male: ['solicitor', 'lawyer', 'attorney'], wm: 3, wf: 0.1 },
  { male: ['writer', 'author', 'novelist', 'man of letters'], female: ['writer', 'author', 'novelist'], wm: 3, wf: 4 },
  { male: ['poet', 'writer', 'poet and writer'], wm: 1.5, wf: 1.5 },
  { male: ['painter', 'artist', 'portrait painter'], wm: 2, wf: 1.5, postnominal: ['RA'] },
  { male: ['musician', 'composer', 'organist'], wm: 1.5, wf: 1 },
  { male: ['actor', 'stage actor', 'player'], female: ['actress', 'stage actress', 'actor'], wm: 1, wf: 1.5 },
  { male: ['merchant', 'trader', 'businessman', 'wholesale merchant'], wm: 4, wf: 0.3 },
  { male: ['engineer', 'civil engineer', 'mechanical engineer'], wm: 3, wf: 0.1 },
  { male: ['architect', 'surveyor and architect'], wm: 1, wf: 0.1 },
  { male: ['banker', 'bank manager', 'financier'], wm: 1, wf: 0 },
  {
    male: ['schoolmaster', 'teacher', 'school teacher', 'educator'],
    female: ['schoolmistress', 'teacher', 'school teacher', 'governess'],
    wm: 3,
    wf: 5,
  },
  {
    male: ['academic', 'professor', 'university lecturer', 'scholar'],
    wm: 2,
    wf: 0.5,
    honorific: 'Prof.',
    postnominal: ['FRS'],
  },
  { male: ['scientist', 'natural philosopher', 'chemist', 'naturalist'], wm: 1.5, wf: 0.5, postnominal: ['FRS'] },
  { male: ['journalist', 'newspaper editor', 'reporter', 'editor'], wm: 2, wf: 1 },
  { male: ['farmer', 'yeoman', 'agriculturist'], female: ['farmer', 'farmer’s wife'], wm: 6, wf: 1 },
  {
    male: ['agricultural labourer', 'ag lab', 'farm labourer', 'labourer'],
    female: ['agricultural labourer', 'farm servant', 'labourer'],
    wm: 8,
    wf: 1.5,
  },
  { male: ['coal miner', 'miner', 'collier', 'coal hewer'], wm: 5, wf: 0.1 },
  {
    male: ['weaver', 'cotton weaver', 'textile worker', 'handloom weaver'],
    female: ['weaver', 'cotton weaver', 'mill girl', 'textile worker'],
    wm: 3,
    wf: 4,
  },
  {
    male: ['domestic servant', 'servant', 'footman', 'manservant'],
    female: ['domestic servant', 'servant', 'housemaid', 'general servant'],
    wm: 1,
    wf: 10,
  },
  {
    male: ['nurse', 'hospital nurse'],
    female: ['nurse', 'hospital nurse', 'sick nurse', 'nursing sister'],
    wm: 0.1,
    wf: 4,
  },
  { male: ['shopkeeper', 'grocer', 'tradesman', 'retailer'], wm: 3, wf: 1 },
  { male: ['blacksmith', 'smith', 'farrier'], wm: 2, wf: 0 },
  { male: ['carpenter', 'joiner', 'cabinet maker'], wm: 3, wf: 0 },
  { male: ['mariner', 'seaman', 'master mariner', "ship's captain"], wm: 3, wf: 0 },
  { male: ['tailor', 'clothier'], female: ['dressmaker', 'seamstress', 'milliner'], wm: 1.5, wf: 4 },
  { male: ['missionary', 'Christian missionary'], wm: 0.7, wf: 0.7 },
  { male: ['peer', 'landowner', 'aristocrat', 'landed proprietor'], wm: 1, wf: 0.5 },
  { male: ['civil servant', 'government official', 'colonial administrator'], wm: 2, wf: 0.3 },
  {
    male: ['campaigner', 'suffragist', "women's rights activist"],
    female: ['suffragette', 'suffragist', "women's rights activist", 'campaigner'],
    wm: 0.2,
    wf: 2,
  },
  { male: ['householder'], female: ['housewife', 'homemaker', 'wife', 'domestic duties'], wm: 0, wf: 8 },
  { male: ['trade unionist', 'labour leader', 'union organiser'], wm: 1, wf: 0.3 },
  { male: ['industrialist', 'manufacturer', 'mill owner'], wm: 1.5, wf: 0.1 },
  { male: ['cricketer', 'sportsman', 'professional cricketer'], wm: 1, wf: 0.1 },
  { male: ['footballer', 'association football player', 'football player'], wm: 1, wf: 0 },
  { male: ['inventor', 'engineer and inventor'], wm: 0.5, wf: 0.1 },
  { male: ['printer', 'compositor', 'typesetter'], wm: 1, wf: 0.2 },
  { male: ['railway worker', 'railway porter', 'platelayer'], wm: 2, wf: 0 },
];

export const PEERAGE_RANKS = ['Baron', 'Baron', 'Baron', 'Viscount', 'Earl', 'Earl', 'Marquess', 'Duke'];
export const ORDINALS = ['1st', '2nd', '3rd', '4th', '5th', '6th', '7th', '8th'];
