// Terminal tables without colour codes, so piped output and logs stay plain text.
import Table, { type TableConstructorOptions } from 'cli-table3';

export const plainTable = (options: TableConstructorOptions = {}) => new Table({ ...options, style: { head: [], border: [], ...options.style } });
