export const ROOT: string;
export const DEMO_PORT: number;
export const DEMO_MOUNTS: Record<string, string>;
