import { queryClient, trpc } from "../../trpc";

/** After any agreement record: statuses, flags, call-offs, credit grades and enterprise counts may all move. */
export function invalidateAgreements(): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries(trpc.agreements.pathFilter()),
    queryClient.invalidateQueries(trpc.enterprises.pathFilter()),
  ]);
}
