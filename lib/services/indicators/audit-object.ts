/** What a dashboard access writes to the audit log as its object: the indicator and the request's filters. */
export function dashboardAuditObject(what: string, search: URLSearchParams): string {
  const q = search.toString();
  return `${what}${q ? `?${q}` : ''}`.slice(0, 1000);
}
