import { statSync } from 'node:fs';

/**
 * A file as it is now on disk, to tell whether it changed since last seen:
 * rewritten, renamed over (a new inode) or gone ('none').
 */
export function fileVersion(path: string): string {
	const stat = statSync(path, { throwIfNoEntry: false });
	return stat ? `${stat.ino}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.size}` : 'none';
}
