/** Types for the helpers that scripts/setup.mjs shares with the commands. */
export declare const PROJECT_ROOT: string;
export declare const KERNEL_NAME: string;
export declare const KERNEL_DISPLAY_NAME: string;
export declare const PROJECT_JUPYTER_PATH: string;
export declare const JUPYTER_APT_PACKAGES: readonly string[];
export declare function findJupyterPython(): string | undefined;
export declare function jupyterEnvironment(
  environment?: NodeJS.ProcessEnv,
): NodeJS.ProcessEnv;
export declare function userJupyterDataDir(): string;
