import { Injectable } from '@nestjs/common';
import { ProblemError } from '../common/problems/problem.error';
import { DiagnosisService } from '../diagnosis/diagnosis.service';
import { DiagnosisResponseDto } from '../diagnosis/dto/diagnosis.dto';
import { Regulation } from '../regulations/regulation.entity';
import { RegulationsService } from '../regulations/regulations.service';
import { TenantContext } from '../tenancy/tenant-context';
import { combineDateParts } from './date-parts';
import { outcomeView, QuestionState, questionView, readDiagnosisPost } from './diagnosis-form';
import { FormFields } from './form-body';
import { PortalPagesService } from './portal-pages.service';

export interface PortalResponse {
  status: number;
  html: string;
}

/** The diagnosis (keuzehulp) pages: one question per page, then the outcome. Stateless, nothing stored. */
@Injectable()
export class DiagnosisPagesService {
  constructor(
    private readonly regulations: RegulationsService,
    private readonly diagnosis: DiagnosisService,
    private readonly pages: PortalPagesService,
  ) {}

  async start(tenant: TenantContext, code: string): Promise<string> {
    const regulation = await this.requireRegulation(tenant, code);
    return this.page(tenant, regulation, await this.diagnosis.diagnose(tenant.id, code, {}), {});
  }

  async answer(tenant: TenantContext, code: string, fields: FormFields): Promise<PortalResponse> {
    const regulation = await this.requireRegulation(tenant, code);
    const post = readDiagnosisPost(fields);
    if (post.action === 'back') {
      const entries = Object.entries(post.answers);
      const last = entries.pop();
      const answers = Object.fromEntries(entries);
      const previous = await this.diagnosis.diagnose(tenant.id, code, answers);
      return {
        status: 200,
        html: await this.page(tenant, regulation, previous, answers, { selected: last?.[1] }),
      };
    }
    const current = await this.diagnosis.diagnose(tenant.id, code, post.answers);
    // A page sent twice, or an old page: show where these answers lead now.
    if (current.status !== 'question' || current.question?.id !== post.questionId) {
      return { status: 200, html: await this.page(tenant, regulation, current, post.answers) };
    }

    const question = current.question;
    let answer = post.choice;
    let error: string | undefined;
    if (question.type === 'date') {
      const date = combineDateParts(post.date);
      if ('empty' in date) error = 'Vul de datum in.';
      else if ('error' in date) error = date.error;
      else answer = date.date;
    } else if (!answer) {
      error = 'Kies een antwoord.';
    }
    const retry = (message: string) =>
      this.page(tenant, regulation, current, post.answers, {
        error: message,
        selected: question.type === 'choice' ? answer : undefined,
        date: question.type === 'date' ? post.date : undefined,
      }).then((html) => ({ status: 400, html }));
    if (error) return retry(error);

    const answers = { ...post.answers, [question.id]: answer };
    try {
      return {
        status: 200,
        html: await this.page(
          tenant,
          regulation,
          await this.diagnosis.diagnose(tenant.id, code, answers),
          answers,
        ),
      };
    } catch (failure) {
      const message =
        failure instanceof ProblemError &&
        failure.errors?.find((e) => e.field === `answers.${question.id}`)?.message;
      if (message) return retry(message);
      throw failure;
    }
  }

  private async page(
    tenant: TenantContext,
    regulation: Regulation,
    step: DiagnosisResponseDto,
    answers: Record<string, string>,
    state: Partial<QuestionState> = {},
  ): Promise<string> {
    const base = { regulation: { code: regulation.code, name: regulation.name } };
    const action = `/${encodeURIComponent(tenant.slug)}/keuzehulp/${encodeURIComponent(regulation.code)}`;
    if (step.status === 'question' && step.question) {
      const number = (step.progress?.answered ?? 0) + 1;
      const view = questionView(step.question, { ...state, number, answers });
      return this.pages.render(tenant.slug, 'question', `${state.error ? 'Fout: ' : ''}Vraag ${number}`, {
        ...base,
        ...view,
        action,
      });
    }
    const view = outcomeView(step.outcome!, {
      tenantHome: `/${encodeURIComponent(tenant.slug)}`,
      regulationCode: regulation.code,
      answers,
    });
    return this.pages.render(tenant.slug, 'outcome', 'Uitkomst van de keuzehulp', {
      ...base,
      ...view,
      action,
    });
  }

  private async requireRegulation(tenant: TenantContext, code: string): Promise<Regulation> {
    const regulation = await this.regulations.findActive(tenant.id, code);
    if (!regulation) throw ProblemError.notFound('Deze gemeente heeft geen keuzehulp met deze naam.');
    if (!regulation.definition.diagnosis) {
      throw ProblemError.notFound(
        'Voor deze regeling is (nog) geen keuzehulp. U kunt wel direct bezwaar maken.',
      );
    }
    return regulation;
  }
}
