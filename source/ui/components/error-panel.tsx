// What a screen shows in its place when it failed: the error in plain words, the file it concerns, what
// to do, and the few keys that still mean something (retry, back, quit). It reads no services, so it
// draws even when the index under the screen has gone bad.
import React, {useMemo} from 'react';
import {useKeyHold, useKeys} from '../hooks/use-keys.js';
import {footerHints, keyPresses, resolveKey, type KeyAction} from '../../core/keymap.js';
import type {ScreenFailure} from '../../core/screens/screen-failure.js';
import type {Size} from '../hooks/use-terminal-size.js';
import {bodyHeight, Frame} from './frame.js';
import {Footer} from './footer.js';
import {Segments, type Segment} from './segments.js';
import {TitleBar} from './title-bar.js';
import {wrapText} from '../text-fit.js';

export interface ErrorPanelProps {
	screen: string;
	failure: ScreenFailure;
	size: Size;
	active: boolean;
	onRetry: () => void;
	/** Absent on the home screen, which has nowhere to go back to. */
	onBack?: (() => void) | undefined;
	onQuit: () => void;
}

/** The panel's lines, wrapped to the width and cut to the body's height. */
export function errorPanelLines(failure: ScreenFailure, width: number, height: number): Segment[][] {
	const room = Math.max(1, width - 4);
	const indented = (text: string, token?: Segment['token']) => wrapText(text, room).map((l): Segment[] => [{text: `    ${l}`, ...(token ? {token} : {})}]);
	// A blank line needs a character: Ink draws an empty text zero lines high.
	const blank: Segment[] = [{text: ' '}];
	const lines: Segment[][] = [
		blank,
		[{text: '  ✗ ', token: 'bad'}, {text: failure.title, token: 'title'}],
		blank,
		...indented(failure.message),
		...(failure.where ? [blank, [{text: '    in ', token: 'muted'} as Segment, {text: failure.where}]] : []),
		blank,
		...indented(failure.advice, 'muted'),
	];
	return lines.slice(0, Math.max(1, height));
}

export function ErrorPanel({screen, failure, size, active, onRetry, onBack, onQuit}: ErrorPanelProps) {
	const hold = useKeyHold();
	useKeys((input, key) => {
		const presses = keyPresses(input, key);
		for (const [at, press] of presses.entries()) {
			const hit = resolveKey('error', press.input, press.key);
			if (hit?.action === 'retry') return onRetry();
			// The keys after Esc in the same read are for the screen it goes back to.
			if (hit?.action === 'back' && onBack) {
				hold(presses.slice(at + 1));
				return onBack();
			}
			if (hit?.action === 'quit') return onQuit();
		}
	}, {isActive: active});
	const hidden: KeyAction[] = onBack ? [] : ['back'];
	const hints = useMemo(() => footerHints('error', hidden), [hidden.length]);
	const lines = errorPanelLines(failure, size.columns, bodyHeight(size));
	return (
		<Frame
			size={size}
			title={<TitleBar screen={`${screen} · error`} period={null} width={size.columns} />}
			status={<Segments width={size.columns} segments={[{text: ' The index and your sources are unchanged.', token: 'muted'}]} />}
			footer={<Footer width={size.columns} hints={hints} />}
		>
			{lines.map((segments, i) => <Segments key={i} width={size.columns} segments={segments} />)}
		</Frame>
	);
}
