// The terminal's size, following resizes. A test (whose stdout has no rows) or a benchmark passes its own.
import {useEffect, useState} from 'react';
import {useStdout} from 'ink';

export interface Size {
	columns: number;
	rows: number;
}

export function useTerminalSize(override?: Size): Size {
	const {stdout} = useStdout();
	const read = (): Size => ({columns: stdout.columns || 80, rows: stdout.rows || 24});
	const [size, setSize] = useState(read);
	useEffect(() => {
		if (override) return;
		const onResize = () => setSize((old) => {
			const next = read();
			return next.columns === old.columns && next.rows === old.rows ? old : next;
		});
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, override]);
	return override ?? size;
}
