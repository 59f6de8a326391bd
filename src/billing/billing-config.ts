/** The validated config/platform.yaml (see platform-config.ts), loaded once at start-up. */
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
