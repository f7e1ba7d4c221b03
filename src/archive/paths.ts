/**
 * The addresses of the archive's listing pages: `/<edition>/<year>/`, and
 * `/<edition>/<year>/page/<n>/` for the later pages of a year with more texts
 * than a page holds (not `/<year>/<n>/`, which reads as a month).
 */
import type { Edition } from '../editions.ts';

/** A year as its address writes it: four digits, as in the dates. */
export const yearSegment = (year: number) => String(year).padStart(4, '0');

/** What follows the year in the address of a year's page: nothing for the first. */
export const pageSegment = (page: number) => (page > 1 ? `page/${page}` : undefined);

/** A page of a year's listing in an edition. */
export const yearPath = (edition: Pick<Edition, 'path'>, year: number, page = 1) =>
	`/${edition.path}/${yearSegment(year)}/${page > 1 ? `${pageSegment(page)}/` : ''}`;

/** The id of a month's heading on a year's listing page. */
export const monthId = (month: number) => `month-${month}`;

/** An edition's feed. */
export const feedPath = (edition: Pick<Edition, 'path'>) => `/${edition.path}/feed.xml`;
