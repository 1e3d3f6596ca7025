import { type HttpReply } from './http-types';

/** The ETag of an event-sourced resource is its stream version. */
export const setEtag = (reply: HttpReply, version: number) => reply.header('ETag', `"${version}"`);
