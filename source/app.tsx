// The explorer: providers (services, theme) and the screen switch. Pure: everything comes in as props.
import React, {useCallback, useReducer} from 'react';
import {useApp} from 'ink';
import type {FilterState} from './core/screens/sessions-filters.js';
import {HOME, navigationReducer} from './core/screens/navigation.js';
import {ServicesContext} from './ui/services/context.js';
import type {ExplorerServices} from './ui/services/types.js';
import {ThemeContext, THEMES, type Theme} from './ui/theme.js';
import {useTerminalSize, type Size} from './ui/hooks/use-terminal-size.js';
import {SessionsScreen} from './ui/screens/sessions-screen.js';
import {TimelineScreen} from './ui/screens/timeline-screen.js';
import {InsightsScreen} from './ui/screens/insights-screen.js';
import {AnalyticsScreen} from './ui/screens/analytics-screen.js';

export interface AppProps {
	services: ExplorerServices;
	initial: FilterState;
	theme?: Theme;
	/** Fixed size (tests, benchmarks); otherwise the terminal's, following resizes. */
	size?: Size;
}

export function App({services, initial, theme = THEMES.default, size: fixed}: AppProps) {
	const size = useTerminalSize(fixed);
	const [route, navigate] = useReducer(navigationReducer, HOME);
	const {exit} = useApp();
	const quit = useCallback(() => exit(), [exit]);
	const open = useCallback((id: string) => navigate({type: 'open-session', id}), []);
	const back = useCallback(() => navigate({type: 'back'}), []);
	const openSub = useCallback((id: string) => navigate({type: 'open-sub-session', id}), []);
	const openInsights = useCallback((filters: FilterState) => navigate({type: 'open-insights', filters}), []);
	const openAnalytics = useCallback((filters: FilterState) => navigate({type: 'open-analytics', filters}), []);
	// Insights stays mounted under a session opened from it, so its tab and cursor survive the visit.
	const insights = route.screen === 'insights' ? route : route.screen === 'session' && route.from?.screen === 'insights' ? route.from : null;
	// Analytics likewise keeps its scroll, selection and drill-down under a session opened from it.
	const analytics = route.screen === 'analytics' ? route : route.screen === 'session' && route.from?.screen === 'analytics' ? route.from : null;
	return (
		<ServicesContext.Provider value={services}>
			<ThemeContext.Provider value={theme}>
				<SessionsScreen size={size} initial={initial} active={route.screen === 'sessions'} onOpen={open} onInsights={openInsights} onAnalytics={openAnalytics} onQuit={quit} />
				{insights ? <InsightsScreen key={JSON.stringify(insights.filters)} size={size} initial={insights.filters} active={route.screen === 'insights'}
					onOpen={open} onBack={back} onQuit={quit} /> : null}
				{analytics ? <AnalyticsScreen size={size} initial={analytics.filters} active={route.screen === 'analytics'}
					onOpen={open} onBack={back} onQuit={quit} /> : null}
				{route.screen === 'session' ? <TimelineScreen key={route.id} id={route.id} size={size} onBack={back} onQuit={quit} onOpenSession={openSub} /> : null}
			</ThemeContext.Provider>
		</ServicesContext.Provider>
	);
}
