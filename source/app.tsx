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
import {SessionSummaryScreen} from './ui/screens/session-summary-screen.js';

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
	return (
		<ServicesContext.Provider value={services}>
			<ThemeContext.Provider value={theme}>
				<SessionsScreen size={size} initial={initial} active={route.screen === 'sessions'} onOpen={open} onQuit={quit} />
				{route.screen === 'session' ? <SessionSummaryScreen key={route.id} id={route.id} size={size} onBack={back} onQuit={quit} /> : null}
			</ThemeContext.Provider>
		</ServicesContext.Provider>
	);
}
