// Files the program starts (its worker threads) or reads (package.json), as URLs from the root of dist/.
// This module sits at that root; bundled, it lands in dist/cli.js or in a chunk beside it (every chunk of the
// bundle is written there: build/bundle-cli.ts), so one relative URL is right built either way. A worker's
// own program is not bundled: it loads the modules tsc wrote under dist/.
import fs from 'node:fs';
import {fileURLToPath} from 'node:url';

export const programFile = (fromDistRoot: string): URL => new URL(fromDistRoot, import.meta.url);

/** A thread's program when this module runs from the build (vitest cannot start a .ts file as a worker), else null. */
export const builtProgram = (program: URL): URL | null => (fs.existsSync(fileURLToPath(program)) ? program : null);
