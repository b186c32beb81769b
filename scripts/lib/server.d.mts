export interface StaticServer {
  url: string;
  close(): Promise<void>;
}
export function startServer(options: {
  mounts: Record<string, string>;
  port?: number;
  routes?: Record<string, () => Promise<{ type: string; body: string | Uint8Array }> | { type: string; body: string | Uint8Array }>;
}): Promise<StaticServer>;
