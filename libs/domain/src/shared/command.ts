/** A command carries its own time and ids, so deciders stay pure and deterministic. */
export type CommandMetadata = Readonly<{
  actorId: string;
  now: Date;
  environment?: string;
}>;

export type Command<Type extends string = string, Data extends object = object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
  metadata: CommandMetadata;
}>;
