// An error boundary around each screen: a failure while drawing a screen, in one of its effects or in a
// query it ran shows as an error panel inside that screen instead of ending the program. Retry remounts
// the screen with fresh state; the other screens, and the terminal, are untouched.
import React, {Component, Fragment, type ReactNode} from 'react';
import {describeFailure} from '../../core/screens/screen-failure.js';
import type {Size} from '../hooks/use-terminal-size.js';
import {ErrorPanel} from './error-panel.js';

export interface ScreenBoundaryProps {
	/** The screen's name as the title bar shows it: "Sessions", "Session", "Analytics", "Insights". */
	screen: string;
	/** Whether the screen is on show: a failed screen that is not shows nothing and reads no keys. */
	active: boolean;
	size: Size;
	/** The index file, named when a query on it failed. */
	indexPath: string | null;
	onBack?: (() => void) | undefined;
	onQuit: () => void;
	children: ReactNode;
}

interface BoundaryState {
	error: unknown;
	failed: boolean;
	/** Bumped by retry, so the screen mounts again from scratch. */
	attempt: number;
}

export class ScreenBoundary extends Component<ScreenBoundaryProps, BoundaryState> {
	override state: BoundaryState = {error: null, failed: false, attempt: 0};

	static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
		return {error, failed: true};
	}

	retry = (): void => {
		this.setState((s) => ({error: null, failed: false, attempt: s.attempt + 1}));
	};

	override render(): ReactNode {
		const {screen, active, size, indexPath, onBack, onQuit, children} = this.props;
		if (!this.state.failed) return <Fragment key={this.state.attempt}>{children}</Fragment>;
		if (!active) return null;
		return <ErrorPanel screen={screen} failure={describeFailure(screen, this.state.error, indexPath)} size={size} active={active}
			onRetry={this.retry} onBack={onBack} onQuit={onQuit} />;
	}
}
