import { Logger } from '@nestjs/common';
import { ProcessDrivers } from './process-drivers';

class LostRace extends Error {}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const driversFor = (advance: (id: string) => Promise<void>) => {
  const logger = new Logger('spec');
  const errors: string[] = [];
  jest.spyOn(logger, 'error').mockImplementation((message: unknown) => void errors.push(String(message)));
  const drivers = new ProcessDrivers({
    label: 'Thing',
    logger,
    advance,
    lostRace: (error) => error instanceof LostRace,
  });
  return { drivers, errors };
};

describe('ProcessDrivers', () => {
  it('given a driver running, when the instance is woken again, then it goes round once more, never twice at once', async () => {
    let running = 0;
    let most = 0;
    let calls = 0;
    const { drivers } = driversFor(async () => {
      calls++;
      most = Math.max(most, ++running);
      await settle();
      running--;
    });
    drivers.drive('a');
    drivers.drive('a');
    drivers.drive('a');
    for (let turn = 0; turn < 10; turn++) await settle();
    expect(calls).toBe(2);
    expect(most).toBe(1);
  });

  it('given a lost race, when it is driven, then it reads the instance again', async () => {
    let calls = 0;
    const { drivers, errors } = driversFor(async () => {
      if (++calls === 1) throw new LostRace();
    });
    drivers.drive('a');
    for (let turn = 0; turn < 10; turn++) await settle();
    expect(calls).toBe(2);
    expect(errors).toEqual([]);
  });

  it('given another error, when it is driven, then the error is logged with the instance and it stops', async () => {
    let calls = 0;
    const { drivers, errors } = driversFor(async () => {
      calls++;
      throw new Error('boom');
    });
    drivers.drive('a');
    for (let turn = 0; turn < 10; turn++) await settle();
    expect(calls).toBe(1);
    expect(errors).toEqual(['Thing a: boom']);
  });

  it('given it was stopped, when an instance is woken, then nothing runs', async () => {
    const advance = jest.fn(async () => undefined);
    const { drivers } = driversFor(advance);
    await drivers.stop();
    drivers.drive('a');
    expect(drivers.stopped).toBe(true);
    expect(advance).not.toHaveBeenCalled();
  });
});
