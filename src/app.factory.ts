import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { validationPipe } from './common/problems/validation';
import { withoutBootChatter } from './logging/boot-chatter';
import { AppConfig } from './config/app-config';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from './documents/attachment-policy';
import { registerWebSecurity } from './web-security/web-security';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the whole application (used by main.ts and by the e2e tests alike). */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // One id per request, taken from a sane X-Request-Id or made here; pino-http and problem+json reuse it.
    genReqId: (req: IncomingMessage) => {
      const header = req.headers['x-request-id'];
      const id = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
      (req as IncomingMessage & { id: string }).id = id;
      return id;
    },
    bodyLimit: 1_048_576,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(withoutBootChatter(app.get(Logger)));
  app.useGlobalPipes(validationPipe);
  app.enableShutdownHooks();

  // Headers (a strict CSP), signed cookies, CSRF on every form and cookie session, oversized bodies refused.
  await registerWebSecurity(app, config);
  await app.register(multipart, {
    limits: { fileSize: MAX_ATTACHMENT_BYTES, files: MAX_ATTACHMENTS, fields: 4, fieldSize: 1_048_576 },
  });
  const fastify = app.getHttpAdapter().getInstance();
  // Graceful shutdown (SIGTERM → app.close()): Fastify stops listening and waits for requests in flight; a
  // response sent meanwhile closes its keep-alive connection, or the close would wait out the client's idle time.
  let closing = false;
  fastify.addHook('preClose', async () => {
    closing = true;
  });
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) reply.header('connection', 'close');
  });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Bezwaarplatform API')
      .setDescription(
        'Objections (bezwaar) against municipal decisions: deadlines, diagnosis, filing, inbox, decisions. ' +
          'Errors are application/problem+json (RFC 9457).',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  return app;
}
