import { Catch, Injectable } from '@nestjs/common';
import { ErrorPage, PageErrorFilter } from '../staff-pages/staff-error.filter';
import { StaffPagesService } from '../staff-pages/staff-pages.service';
import type { OperatorPageRequest } from './operator-session.guard';
import { PLATFORM_HOME, PLATFORM_LOGIN } from './platform-paths';

/** The operator's pages' errors (see PageErrorFilter), in the platform layout. */
@Catch()
@Injectable()
export class PlatformErrorFilter extends PageErrorFilter<OperatorPageRequest> {
  constructor(private readonly pages: StaffPagesService) {
    super('PlatformPages');
  }

  protected renderError(request: OperatorPageRequest, page: ErrorPage): string {
    return this.pages.renderPlatform(
      'platform/error',
      page.heading,
      { ...page, home: request.user ? PLATFORM_HOME : PLATFORM_LOGIN },
      { viewerName: request.user?.name },
    );
  }
}
