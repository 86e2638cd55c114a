/** Absolute path of an executable on PATH, or null. */
export function findCommand(name: string): string | null;
/** Resolves to the command's absolute path; installs the apt package when missing and root, else throws one line. */
export function ensureCommand(name: string, aptPackage?: string): Promise<string>;
