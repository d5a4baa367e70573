/**
 * Time zones to choose from: the given one (the case's) first, then the browser's, then the zones
 * clients of a Chinese office most often live in; each once.
 */
export function zones(first?: string | null): string[] {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const common = ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'Asia/Tokyo', 'Europe/London', 'America/New_York', 'America/Los_Angeles', 'UTC'];
  return [...new Set([...(first ? [first] : []), own, ...common])];
}
