export function getFreePort(host?: string): Promise<number>;
export function isPortFree(port: number, host?: string): Promise<boolean>;
