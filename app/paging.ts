// One page of a list whose length is known (a calendar day's requests, a year's fees).

export interface PageSlice {
  /** 1-based; a page past the end shows the last one. */
  page: number;
  pages: number;
  /** Index of the page's first item. */
  offset: number;
}

export function pageWithin(total: number, requested: number, size: number): PageSlice {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Number.isInteger(requested) ? requested : 1), pages);
  return { page, pages, offset: (page - 1) * size };
}
