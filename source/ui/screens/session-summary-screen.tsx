// Enter on a session: its summary, until the Timeline screen replaces this with the session itself.
import React, {useEffect, useMemo, useReducer} from 'react';
import {useInput} from 'ink';
import {bindingsFor, footerHints} from '../../core/keymap.js';
import {INITIAL_SUMMARY, summaryReducer} from '../../core/screens/summary-reducer.js';
import {useServices} from '../services/context.js';
import {useBackgroundStatus} from '../hooks/use-status.js';
import type {Size} from '../hooks/use-terminal-size.js';
import {Frame, bodyHeight} from '../components/frame.js';
import {TitleBar} from '../components/title-bar.js';
import {StatusBar} from '../components/status-bar.js';
import {Footer} from '../components/footer.js';
import {HelpOverlay} from '../components/help-overlay.js';
import {SessionSummary} from '../components/session-summary.js';

export interface SessionSummaryScreenProps {
	id: string;
	size: Size;
	onBack(): void;
	onQuit(): void;
}

export function SessionSummaryScreen({id, size, onBack, onQuit}: SessionSummaryScreenProps) {
	const services = useServices();
	const [state, dispatch] = useReducer(summaryReducer, INITIAL_SUMMARY);
	const background = useBackgroundStatus(services);
	// Re-read when a sync changed the index: the session may have grown.
	const detail = useMemo(() => services.sessions.detail(id), [services, id, background.sync.version]);

	useEffect(() => {
		if (state.request === 'back') onBack();
		else if (state.request === 'quit') onQuit();
		if (state.request) dispatch({type: 'handled'});
	}, [state.request]);

	useInput((input, key) => dispatch({type: 'input', input, key}));

	const body = bodyHeight(size);
	return (
		<Frame
			size={size}
			title={<TitleBar screen="Session" period={null} width={size.columns} />}
			status={<StatusBar sources={services.sources} sync={background.sync} spinner={background.spinner} facets={background.facets}
				filters={[]} counts={null} notices={[]} timeZone={services.timeZone} width={size.columns} />}
			footer={<Footer width={size.columns} hints={footerHints(state.mode)} />}
		>
			{state.mode === 'help'
				? <HelpOverlay sections={[{title: 'Session', bindings: bindingsFor('summary')}]} width={size.columns} height={body} />
				: <SessionSummary detail={detail} pricing={services.pricing} timeZone={services.timeZone} width={size.columns} height={body} />}
		</Frame>
	);
}
