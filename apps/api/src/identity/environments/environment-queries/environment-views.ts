import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@ib/domain';
import { ReadYourWrites } from '../../../infrastructure/consistency/read-your-writes';
import { ReadModel } from '../../../read-model';

@Injectable()
export class EnvironmentViews {
  constructor(
    private readonly readModel: ReadModel,
    private readonly consistency: ReadYourWrites,
  ) {}

  async get(name: string) {
    const view = await this.readModel.getEnvironment(name);
    if (!view) throw new NotFoundError('ENVIRONMENT.NOT_FOUND', `Environment '${name}' does not exist`);
    return view;
  }

  async afterWrite(name: string, position: number) {
    await this.consistency.after(position);
    return this.get(name);
  }
}
