// Types for scripts/build-stamp.mjs (plain JavaScript: it runs before anything is compiled), for its tests.
export declare const BUILD_INPUTS: readonly string[];
export declare const STAMP_FILE: string;
export declare function inputsFingerprint(root: string): string;
export declare function buildIsCurrent(root: string, fingerprint: string): boolean;
export declare function removeBuildStamp(root: string): void;
export declare function writeBuildStamp(root: string, fingerprint: string): void;
