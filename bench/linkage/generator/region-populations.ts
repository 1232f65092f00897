// regions.csv leaves the 2021 census empty for 28 subjects (see data/SOURCES.md). The generator
// only needs relative weights, so those gaps are filled with rounded approximate populations
// (thousands) — good enough to weight synthetic records, never to be published as rates.
export const APPROX_POPULATION_THOUSANDS: Record<string, number> = {
  'RU-AL': 210, 'RU-SA': 995, 'RU-TY': 337, 'RU-UD': 1452, 'RU-KK': 535, 'RU-CU': 1186, 'RU-KHA': 1292,
  'RU-VLA': 1349, 'RU-KGN': 776, 'RU-MUR': 667, 'RU-NGR': 583, 'RU-ORL': 713, 'RU-PNZ': 1266, 'RU-PSK': 599,
  'RU-RYA': 1102, 'RU-SAK': 466, 'RU-SMO': 889, 'RU-TAM': 983, 'RU-TVE': 1231, 'RU-TOM': 1062, 'RU-TUL': 1553,
  'RU-TYU': 1600, 'RU-ULY': 1197, 'RU-NEN': 42, 'RU-KHM': 1711, 'RU-CHU': 48, 'RU-YAN': 511, 'UA-43': 1934,
};
