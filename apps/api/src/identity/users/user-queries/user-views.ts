import { Injectable } from '@nestjs/common';
import { NotFoundError } from '@ib/domain';
import { ReadYourWrites } from '../../../infrastructure/consistency/read-your-writes';
import { ReadModel } from '../../../read-model';

@Injectable()
export class UserViews {
  constructor(
    private readonly readModel: ReadModel,
    private readonly consistency: ReadYourWrites,
  ) {}

  async get(id: string) {
    const view = await this.readModel.getUser(id);
    if (!view) throw new NotFoundError('USER.NOT_FOUND', `User ${id} does not exist`);
    return view;
  }

  async afterWrite(id: string, position: number) {
    await this.consistency.after(position);
    return this.get(id);
  }
}
