export interface EmbeddedServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}
export function startEmbeddedServer(options?: { postgresFlags?: string[] }): Promise<EmbeddedServer>;
export function freePort(): Promise<number>;
