// Which screen is on show. Sessions is the home screen and stays mounted under the others, so its
// cursor and filters survive a visit. Later screens (Timeline, Analytics, Insights) add routes here.
import type {FilterState} from './sessions-filters.js';

/** Insights keeps the filters and period it was opened with (the Sessions screen's at that moment). */
export type InsightsRoute = {screen: 'insights'; filters: FilterState};

/** A session opened from Insights goes back to Insights (`from`), which stays mounted meanwhile. */
export type Route = {screen: 'sessions'} | {screen: 'session'; id: string; from?: InsightsRoute} | InsightsRoute;

export type NavAction = {type: 'open-session'; id: string} | {type: 'open-insights'; filters: FilterState} | {type: 'back'};

export const HOME: Route = {screen: 'sessions'};

export function navigationReducer(route: Route, action: NavAction): Route {
	switch (action.type) {
		case 'open-session': return route.screen === 'insights' ? {screen: 'session', id: action.id, from: route} : {screen: 'session', id: action.id};
		case 'open-insights': return {screen: 'insights', filters: action.filters};
		case 'back':
			if (route.screen === 'session' && route.from) return route.from;
			return route.screen === 'sessions' ? route : HOME;
		default: {
			const never: never = action;
			return never;
		}
	}
}
