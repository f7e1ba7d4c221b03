/**
 * A page's place in the archive as a breadcrumb trail (edition › year ›
 * month › text), shown as links and given to search engines as schema.org
 * `BreadcrumbList` structured data.
 */
import { yearPath, monthId } from './paths.ts';
import { formatMonth, formatYear } from '../texts/date.ts';
import type { Edition } from '../editions.ts';

export interface Crumb {
	/** In the edition's script. */
	name: string;
	/** The crumb's page; the last crumb is the page itself. */
	path: string;
}

/** The trail to a year's page, or to a text listed on that page under its month. */
export function archiveTrail(edition: Edition, place: { year: number; page: number; month?: number }): Crumb[] {
	const trail: Crumb[] = [
		{ name: edition.label, path: `/${edition.path}/` },
		{ name: formatYear(place.year), path: yearPath(edition, place.year) },
	];
	if (place.month !== undefined) trail.push({ name: formatMonth(place.month), path: `${yearPath(edition, place.year, place.page)}#${monthId(place.month)}` });
	return trail;
}

/**
 * The trail as JSON-LD for a `<script type="application/ld+json">` data block
 * (not run, so the CSP allows it), with absolute URLs on `site`. `<` is
 * escaped so no title can close the element.
 */
export function breadcrumbJsonLd(trail: readonly Crumb[], site: URL | undefined): string {
	const data = {
		'@context': 'https://schema.org',
		'@type': 'BreadcrumbList',
		itemListElement: trail.map((crumb, i) => ({
			'@type': 'ListItem',
			position: i + 1,
			name: crumb.name,
			item: site ? new URL(crumb.path, site).href : crumb.path,
		})),
	};
	return JSON.stringify(data).replace(/</g, '\\u003c');
}
