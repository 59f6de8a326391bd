import { ValueTransformer } from 'typeorm';

/** bigint columns arrive as text from the driver; the billing code works on bigint cents throughout. */
export const CENTS: ValueTransformer = {
  to: (value: bigint | null | undefined) =>
    value === null || value === undefined ? value : value.toString(),
  from: (value: string | null) => (value === null ? null : BigInt(value)),
};
