/** A unit's page on the dashboard, opened on one requirement when given. */
export function unitPageUrl(baseUrl: string, unit: string, requirement?: string): string {
  const page = `${baseUrl.replace(/\/+$/, '')}/units/${encodeURIComponent(unit)}`;
  return requirement === undefined ? page : `${page}?requirement=${encodeURIComponent(requirement)}`;
}

export function provinceUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/`;
}
