import { Controller } from '@nestjs/common';

export const API_PREFIX = 'api/v1';

/** A JSON API controller under /api/v1; the server-rendered portal pages live outside this prefix. */
export const ApiController = (path: string): ClassDecorator => Controller(`${API_PREFIX}/${path}`);
