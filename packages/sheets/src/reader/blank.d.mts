export declare function isBlank(raw: unknown): boolean;
