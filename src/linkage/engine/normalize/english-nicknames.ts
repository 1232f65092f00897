// English given names and the short forms people are written down by: William as Bill, Will or
// Billy, Margaret as Peggy or Maggie. Lists in English (registers, exchange lists kept by the
// other side, any CSV `kintrace link` is given) write one man as William in one record and Bill in
// another; edit distance calls them strangers. Written from common usage (the short forms in
// English naming guides and genealogy nickname lists); a short form may stand for several names
// ("Al": Albert, Alfred, Alan), so a name is read as the set of full names it may be.

const GROUPS = `
abraham: abe bram
albert: al bert bertie
alexander: alex alec alick sandy xander
alexandra: alex alexa sandra sandy lexie
alfred: al alf alfie fred freddie
alan: al
allan: al
andrew: andy drew
anne: ann annie nan nancy nanette
anna: ann annie
anthony: tony ant
antony: tony
archibald: archie archy
arthur: art artie
augustus: gus augie
barbara: barb babs bobbie
benjamin: ben benny benjy
bernard: bernie barney
bridget: biddy bridie
catherine: cathy cate kate katie kit kitty
katherine: kathy kate katie kit kitty
kathleen: kathy kate katie
caroline: carrie caro
charles: charlie chas chuck chaz
charlotte: lottie lotte charlie
christian: chris
christopher: chris kit topher
christine: chris chrissie tina
clarence: clare
cornelius: neil connie
cuthbert: cuddy
cyril: cy
daniel: dan danny
david: dave davy
deborah: deb debbie debby
dominic: dom
donald: don donny
dorothy: dot dottie dolly
douglas: doug
edmund: ed eddie ned ted
edward: ed eddie ned ted teddy
edwin: ed eddie ned
eleanor: ellie nell nellie nora
elizabeth: eliza liz lizzie beth betty betsy bess bessie libby lisa elsie
ellen: nell nellie
emily: em emmy millie
ernest: ernie
eugene: gene
ezekiel: zeke
florence: flo flossie
frances: fran frankie fanny
francis: frank frankie fran
frederick: fred freddie freddy fritz
gabriel: gabe
geoffrey: geoff jeff
jeffrey: jeff
gerald: gerry jerry
gilbert: gil bert
gregory: greg
harold: harry hal
henry: harry hank hal
herbert: herb bert
horace: horry
hugh: hughie
isaac: ike
isabella: bella izzy
isabel: bella izzy
jacob: jake
james: jim jimmy jamie jem
jane: jenny jennie jean janie
jennifer: jen jenny
john: jack johnny jock
jonathan: jon jonny
joseph: joe joey
josephine: jo josie
joshua: josh
judith: judy jude
kenneth: ken kenny
lawrence: larry laurie
laurence: larry laurie
leonard: len lenny leo
louis: lou
louisa: lou lulu
lucy: lu
margaret: maggie meg peg peggy marge madge greta daisy
martha: mattie patsy
mary: molly polly mae mamie
matthew: matt
michael: mike mick micky mickey
nathaniel: nat nate nathan
nicholas: nick nicky
oliver: ollie
patrick: pat paddy
patricia: pat patty trish
peter: pete
philip: phil pip
phillip: phil
rebecca: becky becca
reginald: reg reggie
richard: dick rick ricky rich richie
robert: bob bobby rob robbie bert
roger: rodge
ronald: ron ronnie
rosalind: ros
rose: rosie
rudolph: rudy rolf
samuel: sam sammy
samantha: sam sammy
sarah: sally sadie
stephen: steve stevie
steven: steve
susan: sue susie suzy
theodore: ted teddy theo
thomas: tom tommy
timothy: tim timmy
victoria: vicky tori
vincent: vince vinny
walter: walt wally
william: bill billy will willie willy liam
winifred: winnie freda
zachary: zach zack
`;

/** Each name (full or short) to the full names it may be written for. */
const FULL_NAMES: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  const add = (name: string, full: string): void => {
    const list = map.get(name);
    if (!list) map.set(name, [full]);
    else if (!list.includes(full)) list.push(full);
  };
  for (const line of GROUPS.trim().split('\n')) {
    const [full, shorts] = line.split(':');
    add(full, full);
    for (const short of shorts.trim().split(' ')) add(short, full);
  }
  return map;
})();

/**
 * True when two different lower-case names may be one English given name written full and short,
 * or by two of its short forms ("bill" and "william", "bill" and "will"). Unknown names: false.
 */
export const nicknamesOfOneName = (a: string, b: string): boolean => {
  const fa = FULL_NAMES.get(a);
  const fb = FULL_NAMES.get(b);
  return fa !== undefined && fb !== undefined && fa.some((f) => fb.includes(f));
};
