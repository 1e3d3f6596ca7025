import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@ib/domain';
import { type AuthenticatedUser, allows } from '../../identity';
import { type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { ReadYourWrites } from '../../infrastructure/consistency/read-your-writes';
import { setEtag } from '../../infrastructure/http/etag';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { ReadModel } from '../../read-model';

export type IntegrationView = NonNullable<Awaited<ReturnType<ReadModel['getIntegration']>>>;

/** Integration documents from the read model, limited to the caller's environments. */
@Injectable()
export class IntegrationViews {
  constructor(
    private readonly readModel: ReadModel,
    private readonly consistency: ReadYourWrites,
  ) {}

  async get(id: string, user?: AuthenticatedUser): Promise<IntegrationView> {
    const view = await this.readModel.getIntegration(id);
    if (!view || (user && !allows(user, 'integration.read', view.environment)))
      throw new NotFoundError('INTEGRATION.NOT_FOUND', `Integration ${id} does not exist`);
    return view;
  }

  /**
   * The answer to a write: the document once the read model has caught up with it, and the ETag of
   * the version the write left (true even when the read model is late).
   */
  async afterWrite(
    id: string,
    { version, position }: Pick<CommandOutcome, 'version' | 'position'>,
    reply: HttpReply,
  ): Promise<IntegrationView> {
    await this.consistency.after(position);
    const view = await this.get(id);
    setEtag(reply, version);
    return view;
  }
}
