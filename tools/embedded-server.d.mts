export interface EmbeddedServer {
  url: string;
  port: number;
  databaseDir: string;
  stop(): Promise<void>;
}
export function startEmbeddedServer(options?: { postgresFlags?: string[] }): Promise<EmbeddedServer>;
export function freePort(): Promise<number>;
export const SUPPORTED_MAJORS: string[];
