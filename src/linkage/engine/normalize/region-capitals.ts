// Regional capitals: people often write the city in the region column ("г. Улан-Удэ", "Чита").
// A capital stands for its region; other cities are not listed (a city name is not a region,
// and a wrong guess is worse than none). Latin spellings follow through the name skeleton;
// only English names that are not transliterations are given.
export const REGION_CAPITALS: Record<string, readonly string[]> = {
  'RU-AD': ['Майкоп'], 'RU-BA': ['Уфа'], 'RU-BU': ['Улан-Удэ'], 'RU-AL': ['Горно-Алтайск'], 'RU-DA': ['Махачкала'],
  'RU-IN': ['Магас'], 'RU-KB': ['Нальчик'], 'RU-KL': ['Элиста'], 'RU-KC': ['Черкесск'], 'RU-KR': ['Петрозаводск'],
  'RU-KO': ['Сыктывкар'], 'RU-ME': ['Йошкар-Ола'], 'RU-MO': ['Саранск'], 'RU-SA': ['Якутск'], 'RU-SE': ['Владикавказ'],
  'RU-TA': ['Казань'], 'RU-TY': ['Кызыл'], 'RU-UD': ['Ижевск'], 'RU-KK': ['Абакан'], 'RU-CE': ['Грозный'],
  'RU-CU': ['Чебоксары'], 'RU-ALT': ['Барнаул'], 'RU-KDA': ['Краснодар'], 'RU-KYA': ['Красноярск'], 'RU-PRI': ['Владивосток'],
  'RU-STA': ['Ставрополь'], 'RU-KHA': ['Хабаровск'], 'RU-AMU': ['Благовещенск'], 'RU-ARK': ['Архангельск'],
  'RU-AST': ['Астрахань'], 'RU-BEL': ['Белгород'], 'RU-BRY': ['Брянск'], 'RU-VLA': ['Владимир'], 'RU-VGG': ['Волгоград'],
  'RU-VLG': ['Вологда'], 'RU-VOR': ['Воронеж'], 'RU-IVA': ['Иваново'], 'RU-IRK': ['Иркутск'], 'RU-KGD': ['Калининград'],
  'RU-KLU': ['Калуга'], 'RU-KAM': ['Петропавловск-Камчатский'], 'RU-KEM': ['Кемерово'], 'RU-KIR': ['Киров'],
  'RU-KOS': ['Кострома'], 'RU-KGN': ['Курган'], 'RU-KRS': ['Курск'], 'RU-LIP': ['Липецк'], 'RU-MAG': ['Магадан'],
  'RU-MUR': ['Мурманск'], 'RU-NIZ': ['Нижний Новгород'], 'RU-NGR': ['Великий Новгород'], 'RU-NVS': ['Новосибирск'],
  'RU-OMS': ['Омск'], 'RU-ORE': ['Оренбург'], 'RU-ORL': ['Орёл'], 'RU-PNZ': ['Пенза'], 'RU-PER': ['Пермь'],
  'RU-PSK': ['Псков'], 'RU-ROS': ['Ростов-на-Дону', 'Rostov-on-Don'], 'RU-RYA': ['Рязань'], 'RU-SAM': ['Самара'],
  'RU-SAR': ['Саратов'], 'RU-SAK': ['Южно-Сахалинск'], 'RU-SVE': ['Екатеринбург'], 'RU-SMO': ['Смоленск'],
  'RU-TAM': ['Тамбов'], 'RU-TVE': ['Тверь'], 'RU-TOM': ['Томск'], 'RU-TUL': ['Тула'], 'RU-TYU': ['Тюмень'],
  'RU-ULY': ['Ульяновск'], 'RU-CHE': ['Челябинск'], 'RU-ZAB': ['Чита'], 'RU-YAR': ['Ярославль'], 'RU-YEV': ['Биробиджан'],
  'RU-NEN': ['Нарьян-Мар'], 'RU-KHM': ['Ханты-Мансийск'], 'RU-CHU': ['Анадырь'], 'RU-YAN': ['Салехард'],
  'UA-43': ['Симферополь'],
};
