export const MIN_NODE: [number, number, number];
export function checkNode(version?: string): void;
export function findChromium(env?: Record<string, string | undefined>): string;
export function findFirefox(env?: Record<string, string | undefined>): string;
export function isRoot(): boolean;
export function chromiumArgs(extensionDir: string, options?: { headless?: boolean }): string[];
