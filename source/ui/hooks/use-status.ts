// What every screen's status bar shows from the background: sync state with its spinner and the facet slot.
import {useSyncExternalStore} from 'react';
import type {ExplorerServices, SyncSnapshot} from '../services/types.js';
import {useSpinner} from './use-spinner.js';

export interface BackgroundStatus {
	sync: SyncSnapshot;
	spinner: string;
	facets: string | null;
}

export function useBackgroundStatus(services: ExplorerServices): BackgroundStatus {
	const sync = useSyncExternalStore(services.sync.subscribe, services.sync.getSnapshot);
	const facets = useSyncExternalStore(services.facets.subscribe, services.facets.getSnapshot);
	const spinner = useSpinner(sync.syncing);
	return {sync, spinner, facets};
}
