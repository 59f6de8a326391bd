import { PageController } from '../staff-pages/page-decorators';
import { OperatorSessionGuard } from './operator-session.guard';
import { PlatformErrorFilter } from './platform-error.filter';

/** The platform operator's pages (`/platform/...`), behind the operator session. */
export const PlatformPages = (path: string) =>
  PageController(path, PlatformErrorFilter, OperatorSessionGuard);

/** The operator's pages one opens without a session: the login. */
export const PublicPlatformPages = (path: string) => PageController(path, PlatformErrorFilter);
