// The explorer: providers (services, theme) and the screen switch. Pure: everything comes in as props.
import React, {Suspense, lazy, useCallback, useEffect, useMemo, useReducer, useState, type ComponentProps} from 'react';
import {useApp} from 'ink';
import type {FilterState} from './core/screens/sessions-filters.js';
import {HOME, navigationReducer, type MessageFocus, type NavAction} from './core/screens/navigation.js';
import {ServicesContext} from './ui/services/context.js';
import type {ExplorerServices} from './ui/services/types.js';
import {ThemeContext, THEMES, type Theme} from './ui/theme.js';
import {useTerminalSize, type Size} from './ui/hooks/use-terminal-size.js';
import {SessionsScreen} from './ui/screens/sessions-screen.js';
import {ScreenBoundary} from './ui/components/screen-boundary.js';
import {KeysProvider} from './ui/hooks/use-keys.js';
import {createKeyHub} from './ui/hooks/key-hub.js';

// The other screens load after the first frame (and are fetched right then), so start-up pays for the
// Sessions screen only; a screen opened before its code is in shows the frame it leaves for that moment.
const screens = {
	timeline: () => import('./ui/screens/timeline-screen.js'),
	insights: () => import('./ui/screens/insights-screen.js'),
	analytics: () => import('./ui/screens/analytics-screen.js'),
	search: () => import('./ui/screens/search-screen.js'),
	projects: () => import('./ui/screens/projects-screen.js'),
};
const LazyTimeline = lazy(() => screens.timeline().then((m) => ({default: m.TimelineScreen})));
const LazyInsights = lazy(() => screens.insights().then((m) => ({default: m.InsightsScreen})));
const LazyAnalytics = lazy(() => screens.analytics().then((m) => ({default: m.AnalyticsScreen})));
const LazySearch = lazy(() => screens.search().then((m) => ({default: m.SearchScreen})));
const LazyProjects = lazy(() => screens.projects().then((m) => ({default: m.ProjectsScreen})));

/** Each screen in its own boundary, so one still loading never hides another that stays mounted. */
function TimelineScreen(props: ComponentProps<typeof LazyTimeline>) {
	return <Suspense fallback={null}><LazyTimeline {...props} /></Suspense>;
}
function InsightsScreen(props: ComponentProps<typeof LazyInsights>) {
	return <Suspense fallback={null}><LazyInsights {...props} /></Suspense>;
}
function AnalyticsScreen(props: ComponentProps<typeof LazyAnalytics>) {
	return <Suspense fallback={null}><LazyAnalytics {...props} /></Suspense>;
}
function SearchScreen(props: ComponentProps<typeof LazySearch>) {
	return <Suspense fallback={null}><LazySearch {...props} /></Suspense>;
}
function ProjectsScreen(props: ComponentProps<typeof LazyProjects>) {
	return <Suspense fallback={null}><LazyProjects {...props} /></Suspense>;
}

export interface AppProps {
	services: ExplorerServices;
	initial: FilterState;
	theme?: Theme;
	/** Fixed size (tests, benchmarks); otherwise the terminal's, following resizes. */
	size?: Size;
}

export function App({services, initial, theme = THEMES.default, size: fixed}: AppProps) {
	const size = useTerminalSize(fixed);
	const [route, dispatchRoute] = useReducer(navigationReducer, HOME);
	// Every screen switch: keys that come from now until the next screen listens are held for it, not
	// read by the screen that is going (it may still be subscribed until the switch is drawn).
	const hub = useMemo(createKeyHub, []);
	const navigate = useCallback((action: NavAction) => {
		hub.hold([]);
		dispatchRoute(action);
	}, [hub]);
	useEffect(() => {
		for (const load of Object.values(screens)) void load();
	}, []);
	const {exit} = useApp();
	const quit = useCallback(() => exit(), [exit]);
	const open = useCallback((id: string, focus?: MessageFocus) => navigate({type: 'open-session', id, ...(focus ? {focus} : {})}), []);
	const back = useCallback(() => navigate({type: 'back'}), []);
	// Analytics and Insights hand back the filters and period they ended with: `p` there changes the
	// period everywhere, as one period for the whole explorer would.
	const [returned, setReturned] = useState<{filters: FilterState; seq: number} | null>(null);
	const backWith = useCallback((filters: FilterState) => {
		setReturned((r) => ({filters, seq: (r?.seq ?? 0) + 1}));
		navigate({type: 'back'});
	}, []);
	const openSub = useCallback((id: string) => navigate({type: 'open-sub-session', id}), []);
	const openInsights = useCallback((filters: FilterState) => navigate({type: 'open-insights', filters}), []);
	const openAnalytics = useCallback((filters: FilterState) => navigate({type: 'open-analytics', filters}), []);
	const openProjects = useCallback((filters: FilterState) => navigate({type: 'open-projects', filters}), []);
	const openSearch = useCallback((filters: FilterState) => navigate({type: 'open-search', filters, query: filters.filters.search}), []);
	const openAt = useCallback((id: string, focus: MessageFocus) => navigate({type: 'open-session', id, focus}), []);
	// Insights stays mounted under a session opened from it, so its tab and cursor survive the visit.
	const insights = route.screen === 'insights' ? route : route.screen === 'session' && route.from?.screen === 'insights' ? route.from : null;
	// Analytics likewise keeps its scroll, selection and drill-down under a session opened from it.
	const analytics = route.screen === 'analytics' ? route : route.screen === 'session' && route.from?.screen === 'analytics' ? route.from : null;
	// Search likewise keeps its query, order and cursor under the session opened from it.
	const search = route.screen === 'search' ? route : route.screen === 'session' && route.from?.screen === 'search' ? route.from : null;
	const guard = {size, indexPath: services.indexPath ?? null, onQuit: quit};
	return (
		<ServicesContext.Provider value={services}>
			<ThemeContext.Provider value={theme}>
				<KeysProvider hub={hub}>
				<ScreenBoundary screen="Sessions" active={route.screen === 'sessions'} {...guard}>
					<SessionsScreen size={size} initial={initial} active={route.screen === 'sessions'} onOpen={open} onInsights={openInsights} onAnalytics={openAnalytics} onFind={openSearch} onProjects={openProjects} onQuit={quit} returned={returned} />
				</ScreenBoundary>
				{insights ? (
					<ScreenBoundary key={JSON.stringify(insights.filters)} screen="Insights" active={route.screen === 'insights'} onBack={back} {...guard}>
						<InsightsScreen size={size} initial={insights.filters} active={route.screen === 'insights'} onOpen={open} onBack={backWith} onQuit={quit} />
					</ScreenBoundary>
				) : null}
				{analytics ? (
					<ScreenBoundary screen="Analytics" active={route.screen === 'analytics'} onBack={back} {...guard}>
						<AnalyticsScreen size={size} initial={analytics.filters} active={route.screen === 'analytics'} onOpen={open} onBack={backWith} onQuit={quit} />
					</ScreenBoundary>
				) : null}
				{search ? (
					<ScreenBoundary key={JSON.stringify(search.filters)} screen="Search" active={route.screen === 'search'} onBack={back} {...guard}>
						<SearchScreen size={size} initial={search.filters} query={search.query} active={route.screen === 'search'} onOpen={openAt} onBack={back} onQuit={quit} />
					</ScreenBoundary>
				) : null}
				{route.screen === 'projects' ? (
					<ScreenBoundary key={JSON.stringify(route.filters)} screen="Projects" active onBack={back} {...guard}>
						<ProjectsScreen size={size} initial={route.filters} active onBack={backWith} onQuit={quit} />
					</ScreenBoundary>
				) : null}
				{route.screen === 'session' ? (
					<ScreenBoundary key={route.id} screen="Session" active onBack={back} {...guard}>
						<TimelineScreen id={route.id} size={size} onBack={back} onQuit={quit} onOpenSession={openSub} {...(route.focus ? {focus: route.focus} : {})} />
					</ScreenBoundary>
				) : null}
				</KeysProvider>
			</ThemeContext.Provider>
		</ServicesContext.Provider>
	);
}
