// The reader of a tapes server source, by kind; each driver loads only when its kind is synced.
import type {RemoteSessionSource} from '../sources/remote-source.js';
import type {SourceInUse} from './open-workspace.js';

export async function openServerSource(s: SourceInUse): Promise<RemoteSessionSource> {
	const url = s.url ?? s.path;
	if (s.kind === 'tapes-postgres') {
		const {openPostgresSource} = await import('../sources/tapes-postgres/reader.js');
		return openPostgresSource({url, user: s.user, where: s.path});
	}
	if (s.kind === 'tapes-api') {
		const {openApiSource} = await import('../sources/tapes-api/reader.js');
		return openApiSource({url, user: s.user, where: s.path});
	}
	throw new Error(`${s.path}: not a server source (${s.kind})`);
}
