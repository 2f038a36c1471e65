// Which screen is on show. Sessions is the home screen and stays mounted under the others, so its
// cursor and filters survive a visit. The other screens (Timeline, Analytics, Insights, Search, Projects) are routes here.
import type {FilterState} from './sessions-filters.js';

/** Insights keeps the filters and period it was opened with (the Sessions screen's at that moment). */
export type InsightsRoute = {screen: 'insights'; filters: FilterState};

/** Analytics, likewise: the Sessions screen's filters and period when `a` was pressed. */
export type AnalyticsRoute = {screen: 'analytics'; filters: FilterState};

/** Projects, likewise; Enter there goes back to the list filtered to a project. */
export type ProjectsRoute = {screen: 'projects'; filters: FilterState};

/** Search, likewise, with the query it starts from (the list's search). */
export type SearchRoute = {screen: 'search'; filters: FilterState; query: string};

/** A message to land on in a session, and the query whose matches to mark (from the Search screen). */
export interface MessageFocus {
	messageId: string;
	query: string;
}

/** A session opened from Insights goes back to Insights (`from`), which stays mounted meanwhile. */
/** A sub-session opened from a session's timeline goes back to that timeline (`parent`). */
export type SessionRoute = {screen: 'session'; id: string; from?: InsightsRoute | AnalyticsRoute | SearchRoute; parent?: SessionRoute; focus?: MessageFocus};

export type Route = {screen: 'sessions'} | SessionRoute | InsightsRoute | AnalyticsRoute | SearchRoute | ProjectsRoute;

export type NavAction = {type: 'open-session'; id: string; focus?: MessageFocus} | {type: 'open-insights'; filters: FilterState} | {type: 'open-analytics'; filters: FilterState}
	| {type: 'open-search'; filters: FilterState; query: string} | {type: 'open-sub-session'; id: string} | {type: 'open-projects'; filters: FilterState}
	| {type: 'back'};

export const HOME: Route = {screen: 'sessions'};

export function navigationReducer(route: Route, action: NavAction): Route {
	switch (action.type) {
		case 'open-session': {
			const focus = action.focus ? {focus: action.focus} : {};
			return route.screen === 'insights' || route.screen === 'analytics' || route.screen === 'search'
				? {screen: 'session', id: action.id, from: route, ...focus} : {screen: 'session', id: action.id, ...focus};
		}
		case 'open-search': return {screen: 'search', filters: action.filters, query: action.query};
		case 'open-sub-session':
			return route.screen === 'session' ? {screen: 'session', id: action.id, ...(route.from ? {from: route.from} : {}), parent: route} : route;
		case 'open-insights': return {screen: 'insights', filters: action.filters};
		case 'open-analytics': return {screen: 'analytics', filters: action.filters};
		case 'open-projects': return {screen: 'projects', filters: action.filters};
		case 'back':
			if (route.screen === 'session' && route.parent) return route.parent;
			if (route.screen === 'session' && route.from) return route.from;
			return route.screen === 'sessions' ? route : HOME;
		default: {
			const never: never = action;
			return never;
		}
	}
}
