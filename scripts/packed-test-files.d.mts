export function isPackedTestFile(path: string): boolean;
