/** Reading a page's search parameters, as Next.js gives them (a record) or as a URL has them. Pure. */

export type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** The first value of a parameter; undefined when it is absent. */
export function firstParam(params: SearchParams, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
}
