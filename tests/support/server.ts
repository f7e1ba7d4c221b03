/**
 * A static file server for the built site, on 127.0.0.1 and a free port, as
 * a static host would serve `dist/`: `index.html` for folders, `404.html`
 * with status 404, and optional extra headers (the site's `_headers`).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { pipeline } from 'node:stream';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
	'.wasm': 'application/wasm',
	'.svg': 'image/svg+xml',
};

/** Pagefind's own files are gzip already; a static host sends them as they are. */
const PRECOMPRESSED = /\.(pagefind|pf_meta|pf_index|pf_fragment|pf_filter)$/;

/** The bytes a static host with gzip would send for a file. */
function gzippedSize(file: string): number {
	return PRECOMPRESSED.test(file) ? statSync(file).size : gzipSync(readFileSync(file), { level: 9 }).length;
}

export interface ServedRequest {
	path: string;
	/** Bytes of the file. */
	bytes: number;
	/** Bytes a static host would send with gzip. */
	gzipBytes: number;
}

export interface StaticSite {
	url: string;
	/** Every path requested, with its size. */
	requests: ServedRequest[];
	close(): Promise<void>;
}

export async function serveStatic(root: string, headers: Record<string, string> = {}): Promise<StaticSite> {
	const requests: StaticSite['requests'] = [];
	const serve = (request: IncomingMessage, response: ServerResponse) => {
		let path: string;
		try {
			path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
		} catch {
			// A path that is not percent-encoded UTF-8 (a fuzzed link) names no file.
			response.writeHead(400).end();
			return;
		}
		let file = normalize(join(root, path));
		if (!file.startsWith(normalize(root))) file = join(root, '404.html');
		if (existsSync(file) && statSync(file).isDirectory()) {
			if (!path.endsWith('/')) {
				response.writeHead(301, { location: `${path}/` }).end();
				return;
			}
			file = join(file, 'index.html');
		}
		const found = existsSync(file);
		const sent = found ? file : join(root, '404.html');
		if (!existsSync(sent)) {
			response.writeHead(404).end();
			return;
		}
		const size = statSync(sent).size;
		requests.push({ path, bytes: size, gzipBytes: gzippedSize(sent) });
		response.writeHead(found ? 200 : 404, {
			'content-type': TYPES[extname(sent)] ?? 'application/octet-stream',
			'content-length': size,
			...headers,
		});
		// A browser that goes away mid-file (a page closed) ends the stream: not an error of the test.
		pipeline(createReadStream(sent), response, () => {});
	};
	// Whatever goes wrong with one request is that request's 500, never an uncaught error that fails the run.
	const server: Server = createServer((request, response) => {
		try {
			serve(request, response);
		} catch (error) {
			if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
			response.end(String(error));
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('server has no port');
	return {
		url: `http://127.0.0.1:${address.port}`,
		requests,
		close: () =>
			new Promise((resolve, reject) => {
				// Closing twice is closing once.
				server.close((error) => (error && (error as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING' ? reject(error) : resolve()));
				// A browser's idle keep-alive sockets would hold close() open.
				server.closeAllConnections();
			}),
	};
}
