import { Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';

export const YAML_MEDIA_TYPES = ['text/yaml', 'application/yaml', 'application/x-yaml'];

/**
 * Lets the configuration API take a tenant.yaml as the request body itself (`Content-Type: text/yaml`), read as
 * text within the server's body limit. Registered while the application starts, before it listens.
 */
@Injectable()
export class YamlBodyParser implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    if (fastify.hasContentTypeParser(YAML_MEDIA_TYPES[0])) return;
    fastify.addContentTypeParser(YAML_MEDIA_TYPES, { parseAs: 'string' }, (_request, body, done) =>
      done(null, body),
    );
  }
}
