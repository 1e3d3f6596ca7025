import { useEffect, useState } from 'react';
import { useCustom } from '@refinedev/core';
import { useEventually } from '../../components/use-eventually';
import { useLiveRefresh } from '../../components/use-live-refresh';
import { pollWhileStreamIsDown } from '../../providers/live-provider';
import type { Deployment, IntegrationDependencies, Items, Publication, PublishedVersion } from '../../types';

/**
 * A running publication's steps arrive on the event stream; reading it now and then as well keeps it
 * moving should the stream be down (a proxy that holds server-sent events back).
 */
const POLL_MS = 5000;
/** The lists are read models: what a finished publication changed reaches them a moment later. */
const SETTLE_MS = 1500;

const isRunning = (publication: Publication | undefined) => publication?.status === 'running';

/** The list, with the publication being watched as its own endpoint tells it (the list may lag behind). */
const merge = (listed: Publication[], current: Publication | undefined): Publication[] => {
  if (!current) return listed;
  if (!listed.some(({ id }) => id === current.id)) return [current, ...listed];
  return listed.map((publication) =>
    publication.id === current.id && isRunning(publication) ? { ...publication, ...current } : publication,
  );
};

/**
 * What publishing made of an integration: its publications (the running one followed until it ends),
 * published versions, deployments per environment and the state of its dependencies, each read again
 * when the event stream tells of a change to integrations.
 */
export const useIntegrationPublishing = (integrationId: string | undefined) => {
  const enabled = integrationId !== undefined;
  const base = `/integrations/${integrationId ?? ''}`;
  const [watched, setWatched] = useState<string>();

  const { query: publicationsQuery } = useCustom<Items<Publication>>({
    url: `${base}/publications`,
    method: 'get',
    queryOptions: {
      enabled,
      refetchInterval: (query) =>
        query.state.data?.data.items.some(isRunning) ? pollWhileStreamIsDown(POLL_MS) : false,
    },
  });
  const listed = publicationsQuery.data?.data.items ?? [];
  const runningId = listed.find(isRunning)?.id ?? watched;

  const { query: runningQuery } = useCustom<Publication>({
    url: `/publications/${runningId ?? ''}`,
    method: 'get',
    queryOptions: {
      enabled: runningId !== undefined,
      refetchInterval: (query) =>
        query.state.data === undefined || isRunning(query.state.data.data)
          ? pollWhileStreamIsDown(POLL_MS)
          : false,
    },
  });
  const current = runningId === undefined ? undefined : runningQuery.data?.data;

  const { query: versionsQuery } = useCustom<Items<PublishedVersion>>({
    url: `${base}/versions`,
    method: 'get',
    queryOptions: { enabled },
  });
  const deploymentsShow = useEventually<Items<Deployment>>();
  const { query: deploymentsQuery } = useCustom<Items<Deployment>>({
    url: `${base}/deployments`,
    method: 'get',
    queryOptions: { enabled, refetchInterval: deploymentsShow.refetchInterval },
  });
  const { query: dependenciesQuery } = useCustom<IntegrationDependencies>({
    url: `${base}/dependencies`,
    method: 'get',
    queryOptions: { enabled },
  });

  const refresh = () =>
    Promise.all([
      publicationsQuery.refetch(),
      versionsQuery.refetch(),
      deploymentsQuery.refetch(),
      dependenciesQuery.refetch(),
    ]);

  // When the watched publication ends, everything it changed is read again, then once more as the
  // read models settle (development gets the new version just after it is published).
  const ended =
    current !== undefined && current.id === runningId && !isRunning(current) ? current.id : undefined;
  useEffect(() => {
    if (ended === undefined) return undefined;
    void refresh();
    const settle = setTimeout(() => void refresh(), SETTLE_MS);
    return () => clearTimeout(settle);
  }, [ended]); // once per ended publication

  useLiveRefresh('integrations', () => {
    if (!enabled) return;
    void refresh();
    if (runningId !== undefined) void runningQuery.refetch();
  });

  const publications = merge(listed, current);
  return {
    publications,
    publicationsLoading: publicationsQuery.isLoading,
    versions: versionsQuery.data?.data.items ?? [],
    deployments: deploymentsQuery.data?.data.items ?? [],
    dependencies: dependenciesQuery.data?.data,
    /** A publication is running (or was just requested): no other may start. */
    running: isRunning(current) || (watched !== undefined && current === undefined) || listed.some(isRunning),
    /** Follow a publication just requested. */
    watch: (publicationId: string) => {
      setWatched(publicationId);
      void publicationsQuery.refetch();
    },
    refresh,
    /** After a promotion or a binding: read the deployments until they show it. */
    refreshDeployments: (shows: (deployments: Deployment[]) => boolean) => {
      deploymentsShow.expect((data) => shows(data?.items ?? []));
      void deploymentsQuery.refetch();
    },
  };
};
