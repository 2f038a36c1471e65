// What Analytics and Insights are given: they open over the list's filters and period, stay mounted under
// a session opened from them, and hand the filters and period they ended with back to the list.
import type {FilterState} from '../../core/screens/sessions-filters.js';
import type {Size} from '../hooks/use-terminal-size.js';

export interface FilteredScreenProps {
	size: Size;
	/** The Sessions screen's filters and period when the screen was opened. */
	initial: FilterState;
	/** false while a session opened from here is on show (the screen stays mounted to keep its state). */
	active: boolean;
	onOpen(id: string): void;
	/** Back to the list, with the filters and period this screen ended with. */
	onBack(filters: FilterState): void;
	onQuit(): void;
}
